using Rp.Api;

namespace Rp.Swagger;

/// <summary>
/// What the generator needs to know of one api-version beyond its <see cref="IApiVersion"/>: the
/// external model types it reflects over and the version's example builders.
/// </summary>
internal sealed record ApiVersionSpec(
    IApiVersion Version,
    Type Cluster,
    Type Credentials,
    Type? AdminCredentials,
    ApiVersionExamples Examples)
{
    public string Name => Version.Name;

    public bool IsPreview => Name.EndsWith("-preview", StringComparison.Ordinal);

    /// <summary>Where oav and the ARM linter expect the spec: <c>specification/{service}/resource-manager/{namespace}/{stable|preview}/{version}/</c>.</summary>
    public string Directory => $"specification/redhatopenshift/resource-manager/{ResourceId.ProviderNamespace}/{(IsPreview ? "preview" : "stable")}/{Name}";

    public string SpecPath => $"{Directory}/redhatopenshift.json";
}
