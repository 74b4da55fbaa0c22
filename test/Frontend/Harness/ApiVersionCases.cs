namespace Rp.Frontend.Tests.Harness;

public static class ApiVersionCases
{
    public static IReadOnlyList<ApiVersionCase> All { get; } = [PreviewVersion.Instance, V20200430Version.Instance];

    public static ApiVersionCase Of(string name) => All.Single(v => v.Name == name);
}
