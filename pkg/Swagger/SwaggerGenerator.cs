using Rp.Api;

namespace Rp.Swagger;

/// <summary>
/// Generates the RP's API description: one OpenAPI 2.0 spec per api-version with its examples, and
/// the ARM common types they refer to, laid out as under <c>swagger/</c>.
/// </summary>
public static class SwaggerGenerator
{
    /// <summary>Every generated file, in a stable order; paths are relative to <c>swagger/</c>.</summary>
    public static IReadOnlyList<SwaggerFile> Generate()
    {
        var docs = XmlDocs.Load(typeof(IApiVersion).Assembly);
        List<SwaggerFile> files = [new SwaggerFile(CommonTypes.FilePath, SwaggerJson.ToText(CommonTypes.Document()))];
        foreach (var spec in ApiVersionSpecs.All)
        {
            files.AddRange(SpecBuilder.Build(spec, docs));
        }

        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>The path of <paramref name="apiVersion"/>'s spec, relative to <c>swagger/</c>.</summary>
    public static string SpecPath(string apiVersion) =>
        ApiVersionSpecs.All.FirstOrDefault(s => s.Name == apiVersion)?.SpecPath
        ?? throw new ArgumentException($"There is no spec for api-version '{apiVersion}'.", nameof(apiVersion));
}
