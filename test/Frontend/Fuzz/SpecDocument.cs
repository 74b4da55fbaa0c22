using System.Text.Json.Nodes;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// One published api-version of <c>swagger/</c>, read with Microsoft.OpenApi.Readers, and its
/// operations with their examples. The reader resolves local references only, so the ARM common
/// types the document refers to are copied into it first.
/// </summary>
public sealed class SpecDocument
{
    private const string SpecificationDirectory = "swagger/specification/redhatopenshift/resource-manager/RedHat.OpenShift";

    private SpecDocument(string apiVersion, OpenApiDocument document, string directory)
    {
        ApiVersion = apiVersion;
        Document = document;
        Operations = [.. document.Paths.SelectMany(path => path.Value.Operations.Select(op => new SpecOperation(
            this,
            op.Key,
            path.Key,
            op.Value,
            Example(directory, op.Value))))];
    }

    public string ApiVersion { get; }

    public OpenApiDocument Document { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Every api-version under <c>swagger/</c>.</summary>
    public static IReadOnlyList<SpecDocument> LoadAll()
    {
        var root = Path.Combine(RepositoryRoot(), SpecificationDirectory);
        return [.. Directory.GetFiles(root, "redhatopenshift.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Load)];
    }

    private static SpecDocument Load(string file)
    {
        var spec = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var common = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        InlineCommonTypes(spec, spec, Path.GetDirectoryName(file)!, common);
        var document = new OpenApiStringReader(new OpenApiReaderSettings { ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences })
            .Read(spec.ToJsonString(), out var diagnostic);
        if (diagnostic.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{file}: {string.Join("; ", diagnostic.Errors.Select(e => e.Message))}");
        }

        return new SpecDocument(Path.GetFileName(Path.GetDirectoryName(file))!, document, Path.GetDirectoryName(file)!);
    }

    /// <summary>Replaces every reference into another file with a local one to a copy of its target (and of what that refers to).</summary>
    private static void InlineCommonTypes(JsonObject spec, JsonNode? node, string directory, Dictionary<string, JsonObject> files)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue value && value.GetValue<string>() is var reference && reference.Contains(".json#", StringComparison.Ordinal))
                {
                    var split = reference.IndexOf('#', StringComparison.Ordinal);
                    var file = Path.GetFullPath(Path.Combine(directory, reference[..split]));
                    if (!files.TryGetValue(file, out var source))
                    {
                        files[file] = source = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                    }

                    obj["$ref"] = reference[split..];
                    CopyTarget(spec, source, reference[split..], Path.GetDirectoryName(file)!, files);
                }

                foreach (var (_, child) in obj.ToList())
                {
                    InlineCommonTypes(spec, child, directory, files);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    InlineCommonTypes(spec, child, directory, files);
                }

                break;
        }
    }

    private static void CopyTarget(JsonObject spec, JsonObject source, string localReference, string directory, Dictionary<string, JsonObject> files)
    {
        var parts = localReference.Split('/');
        var section = (spec[parts[1]] ??= new JsonObject()).AsObject();
        if (section.ContainsKey(parts[2]))
        {
            return;
        }

        var copy = source[parts[1]]![parts[2]]!.DeepClone();
        section[parts[2]] = copy;
        foreach (var inner in References(copy).Where(r => r.StartsWith('#')).ToList())
        {
            CopyTarget(spec, source, inner, directory, files);
        }

        InlineCommonTypes(spec, copy, directory, files);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["$ref"] is JsonValue v ? [v.GetValue<string>()] : Enumerable.Empty<string>()).Concat(obj.SelectMany(p => References(p.Value))),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    private static JObject? Example(string directory, OpenApiOperation operation)
    {
        var file = Path.Combine(directory, "examples", operation.OperationId + ".json");
        return File.Exists(file) ? JObject.Parse(File.ReadAllText(file)) : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Rp.sln above {AppContext.BaseDirectory}.");
    }
}
