using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>One resource the deployment will PUT: as the template engine predicted it, and what it waits for.</summary>
public sealed class PlannedResource(JObject resource, string? templateKey)
{
    /// <summary>The resource as the engine predicted it (id, name, type, apiVersion, location, properties, ...).</summary>
    public JObject Resource { get; } = resource;

    /// <summary>The key of the template resource it came from (array index or symbolic name).</summary>
    public string? TemplateKey { get; } = templateKey;

    public string Id => (string)Resource["id"]!;

    public string Type => (string)Resource["type"]!;

    public string ApiVersion => (string)Resource["apiVersion"]!;

    /// <summary>How progress names it: type and name, as ARM's deployment operations do.</summary>
    public string DisplayName => $"{Type}/{(string?)Resource["name"]}";

    public List<PlannedResource> DependsOn { get; } = [];

    /// <summary>The PUT body: the resource without what only the template and the URL carry.</summary>
    public JObject Body()
    {
        var body = (JObject)Resource.DeepClone();
        foreach (var name in new[] { "id", "name", "type", "apiVersion", "dependsOn", "copy", "condition", "comments", "scope" })
        {
            body.Remove(name);
        }

        return body;
    }
}
