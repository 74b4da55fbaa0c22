using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// The resources of a deployment and the order they go in. The template engine's snapshot leaves
/// out <c>dependsOn</c>, so before evaluation each template resource carries its <c>dependsOn</c>
/// (and its key) inside its properties, where the engine evaluates them along with the rest (copy
/// indexes included); <see cref="FromSnapshot"/> takes them out again. A reference to another
/// resource of the deployment that is still an expression is a dependency too, as in ARM.
/// </summary>
public static partial class DeploymentPlan
{
    public const string Carrier = "__armDeploymentClient";

    /// <summary>A copy of <paramref name="template"/> whose resources carry their key and dependsOn in their properties.</summary>
    public static JObject WithCarriers(JObject template)
    {
        var copy = (JObject)template.DeepClone();
        foreach (var (key, resource) in Resources(copy))
        {
            var carrier = new JObject
            {
                ["key"] = key,
                ["dependsOn"] = resource["dependsOn"]?.DeepClone() ?? new JArray(),
            };
            if (resource.TryGetValue("properties", out var properties))
            {
                carrier["properties"] = properties.DeepClone();
            }

            resource["properties"] = new JObject { [Carrier] = carrier };
        }

        return copy;
    }

    /// <summary>
    /// The predicted resources with their properties restored and their dependencies resolved, in
    /// the order the engine predicted them. Throws when the dependencies form a cycle.
    /// </summary>
    public static IReadOnlyList<PlannedResource> FromSnapshot(JObject template, JArray predicted)
    {
        var copyNames = Resources(template).ToDictionary(r => r.Key, r => (string?)r.Resource["copy"]?["name"]);
        var planned = new List<(PlannedResource Resource, JArray DependsOn)>();
        foreach (var item in predicted.Cast<JObject>())
        {
            var resource = (JObject)item.DeepClone();
            var carrier = resource["properties"]?[Carrier] as JObject;
            resource.Remove("properties");
            if (carrier?.TryGetValue("properties", out var properties) == true)
            {
                resource["properties"] = properties;
            }

            planned.Add((new PlannedResource(resource, (string?)carrier?["key"]), carrier?["dependsOn"] as JArray ?? []));
        }

        foreach (var (resource, dependsOn) in planned)
        {
            var explicitDependencies = dependsOn.Values<string>().SelectMany(d => Resolve(d!, planned.Select(p => p.Resource), copyNames));
            var implicitDependencies = ReferencedIds(resource.Resource)
                .SelectMany(id => planned.Select(p => p.Resource).Where(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)));
            resource.DependsOn.AddRange(explicitDependencies.Concat(implicitDependencies).Where(d => d != resource).Distinct());
        }

        var resources = planned.Select(p => p.Resource).ToList();
        EnsureAcyclic(resources);
        return resources;
    }

    /// <summary>The ids of the resources that expressions left in <paramref name="token"/> reference.</summary>
    public static IEnumerable<string> ReferencedIds(JToken token) =>
        JsonStrings.In(token).SelectMany(s => Reference().Matches((string)s!).Select(m => m.Groups["id"].Value));

    /// <summary>A dependsOn entry: a resource id, a symbolic name, a copy loop's name, or a resource's (type/)name.</summary>
    private static IEnumerable<PlannedResource> Resolve(string entry, IEnumerable<PlannedResource> resources, Dictionary<string, string?> copyNames)
    {
        var all = resources.ToList();
        var byId = all.Where(r => string.Equals(r.Id, entry, StringComparison.OrdinalIgnoreCase)).ToList();
        return byId.Count > 0
            ? byId
            : all.Where(r => r.TemplateKey == entry
                || (r.TemplateKey is not null && string.Equals(copyNames.GetValueOrDefault(r.TemplateKey), entry, StringComparison.OrdinalIgnoreCase))
                || string.Equals((string?)r.Resource["name"], entry, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.DisplayName, entry, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<(string Key, JObject Resource)> Resources(JObject template) => template["resources"] switch
    {
        JArray array => array.Select((r, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), (JObject)r)),
        JObject symbolic => symbolic.Properties().Select(p => (p.Name, (JObject)p.Value)),
        _ => [],
    };

    private static void EnsureAcyclic(List<PlannedResource> resources)
    {
        var done = new HashSet<PlannedResource>();
        var visiting = new HashSet<PlannedResource>();
        foreach (var resource in resources)
        {
            Visit(resource);
        }

        void Visit(PlannedResource resource)
        {
            if (done.Contains(resource))
            {
                return;
            }

            if (!visiting.Add(resource))
            {
                throw new DeploymentException($"The resources' dependencies form a cycle through {resource.DisplayName}.");
            }

            foreach (var dependency in resource.DependsOn)
            {
                Visit(dependency);
            }

            visiting.Remove(resource);
            done.Add(resource);
        }
    }

    [GeneratedRegex(@"reference\('(?<id>/subscriptions/[^']+)'")]
    private static partial Regex Reference();
}
