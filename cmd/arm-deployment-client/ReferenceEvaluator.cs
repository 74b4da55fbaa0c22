using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// Evaluates what the template engine could not before deployment: expressions that
/// <c>reference()</c> deployed resources (outputs such as a cluster's URLs). Each
/// <c>reference('id', 'version'[, 'Full'])</c> becomes a parameter holding that resource's GET in
/// that version (its properties, or the whole resource with 'Full'), and the engine evaluates the
/// rest, functions included.
/// </summary>
public sealed partial class ReferenceEvaluator(TemplateEngine engine)
{
    /// <summary>Reads a resource as <c>reference()</c> sees it: GET of the id in the api-version.</summary>
    public delegate Task<JObject> ResourceReader(string id, string apiVersion, CancellationToken cancellationToken);

    public static bool NeedsEvaluation(JToken token) => DeploymentPlan.ReferencedIds(token).Any();

    /// <summary><paramref name="values"/> by name, each with its ARM type (<c>string</c>, <c>object</c>, ...), evaluated.</summary>
    public async Task<JObject> EvaluateAsync(IReadOnlyDictionary<string, (string Type, JToken Value)> values, ResourceReader read, DeploymentScope scope, CancellationToken cancellationToken = default)
    {
        var references = new List<(string Id, string ApiVersion, bool Full)>();
        var outputs = new JObject();
        foreach (var (name, (type, value)) in values)
        {
            var rewritten = value.DeepClone();
            foreach (var text in JsonStrings.In(rewritten))
            {
                text.Value = Reference().Replace((string)text!, m =>
                {
                    var reference = (m.Groups["id"].Value, m.Groups["version"].Value, m.Groups["full"].Success);
                    var index = references.IndexOf(reference);
                    if (index < 0)
                    {
                        index = references.Count;
                        references.Add(reference);
                    }

                    return $"parameters('{ParameterName(index)}')";
                });
            }

            outputs[name] = new JObject { ["type"] = type, ["value"] = rewritten };
        }

        var parameterValues = new Dictionary<string, JToken>(StringComparer.Ordinal);
        var declared = new JObject();
        var resources = new Dictionary<(string, string), JObject>();
        for (var i = 0; i < references.Count; i++)
        {
            var (id, apiVersion, full) = references[i];
            if (!resources.TryGetValue((id, apiVersion), out var resource))
            {
                resource = resources[(id, apiVersion)] = await read(id, apiVersion, cancellationToken).ConfigureAwait(false);
            }

            declared[ParameterName(i)] = new JObject { ["type"] = "object" };
            parameterValues[ParameterName(i)] = full ? resource : resource["properties"] as JObject ?? new JObject();
        }

        var template = new JObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = declared,
            ["resources"] = new JArray(),
            ["outputs"] = outputs,
        };
        var snapshot = await engine.SnapshotAsync(template, parameterValues, scope, cancellationToken).ConfigureAwait(false);
        return (JObject?)snapshot["outputs"] ?? [];
    }

    private static string ParameterName(int index) => "reference" + index.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"reference\('(?<id>/subscriptions/[^']+)',\s*'(?<version>[^']+)'(?:,\s*'(?<full>Full)')?\)")]
    private static partial Regex Reference();
}
