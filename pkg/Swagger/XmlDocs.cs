using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Newtonsoft.Json;

namespace Rp.Swagger;

/// <summary>
/// The summaries of the versioned models, read from the documentation file the compiler writes
/// beside <c>Rp.Api.dll</c>: the code's comments are the API's descriptions, written once.
/// </summary>
internal sealed partial class XmlDocs
{
    private readonly Dictionary<string, string> summaries;

    private XmlDocs(Dictionary<string, string> summaries) => this.summaries = summaries;

    public static XmlDocs Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The documentation file '{path}' is missing: build {assembly.GetName().Name} with GenerateDocumentationFile.");
        }

        var summaries = XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Text(m.Element("summary")!), StringComparer.Ordinal);
        return new XmlDocs(summaries);
    }

    public string Of(Type type) => Find($"T:{type.FullName}") ?? throw Missing(type.FullName!);

    public string Of(PropertyInfo property) =>
        Find($"P:{property.DeclaringType!.FullName}.{property.Name}") ?? throw Missing($"{property.DeclaringType!.FullName}.{property.Name}");

    private string? Find(string member) => summaries.TryGetValue(member, out var summary) ? summary : null;

    private static InvalidOperationException Missing(string member) =>
        new($"'{member}' has no <summary>: every type and property of a versioned model needs one, it is the API's description.");

    private static string Text(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" } see => CrefName((string?)see.Attribute("cref") ?? ""),
                XElement { Name.LocalName: "paramref" or "typeparamref" } r => (string?)r.Attribute("name"),
                XElement e => e.Value,
                _ => "",
            });
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>A reference to a property reads as its JSON name, the name an API reader knows.</summary>
    private static string CrefName(string cref)
    {
        var name = cref[(cref.LastIndexOf('.') + 1)..];
        if (!cref.StartsWith("P:", StringComparison.Ordinal))
        {
            return name;
        }

        var typeName = cref[2..cref.LastIndexOf('.')];
        var property = typeof(Api.IApiVersion).Assembly.GetType(typeName)?.GetProperty(name);
        return property?.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
