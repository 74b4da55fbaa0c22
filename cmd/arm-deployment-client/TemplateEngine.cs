using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// ARM's template engine through <c>bicep snapshot</c>: evaluates a template with parameter values
/// in a deployment scope, copy loops and functions included, into the resources it predicts and
/// its outputs. Values reach the engine through environment variables of its process, so no
/// parameter (secrets included) is written to disk.
/// </summary>
public sealed class TemplateEngine(BicepCli bicep)
{
    private const string ValueVariablePrefix = "ARM_DEPLOYMENT_CLIENT_VALUE_";

    /// <summary>The snapshot: <c>predictedResources</c>, <c>outputs</c>; throws on any diagnostic.</summary>
    public async Task<JObject> SnapshotAsync(JObject template, IReadOnlyDictionary<string, JToken> parameters, DeploymentScope scope, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("arm-deployment-client-");
        try
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(directory.FullName, "template.json"), template.ToString(Formatting.Indented), cancellationToken).ConfigureAwait(false);
            var declared = ((JObject?)template["parameters"])?.Properties().Select(p => p.Name).ToList() ?? [];
            var bicepparam = new StringBuilder("using 'template.json'\n");
            var environment = new Dictionary<string, string>();
            foreach (var (name, value) in parameters)
            {
                var declaredName = declared.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new DeploymentException($"The template has no parameter '{name}'.");
                var variable = ValueVariablePrefix + environment.Count.ToString(CultureInfo.InvariantCulture);
                bicepparam.Append(CultureInfo.InvariantCulture, $"param {declaredName} = json(readEnvironmentVariable('{variable}'))\n");
                environment[variable] = value.ToString(Formatting.None);
            }

            await File.WriteAllTextAsync(System.IO.Path.Combine(directory.FullName, "main.bicepparam"), bicepparam.ToString(), cancellationToken).ConfigureAwait(false);
            await bicep.RunAsync(
                ["snapshot", "main.bicepparam", "--subscription-id", scope.SubscriptionId, "--resource-group", scope.ResourceGroup, "--location", scope.Location, "--deployment-name", scope.DeploymentName],
                directory.FullName,
                environment,
                cancellationToken).ConfigureAwait(false);

            using var reader = new JsonTextReader(new StringReader(await File.ReadAllTextAsync(System.IO.Path.Combine(directory.FullName, "main.snapshot.json"), cancellationToken).ConfigureAwait(false)))
            {
                DateParseHandling = DateParseHandling.None,
            };
            var snapshot = JObject.Load(reader);
            if (snapshot["diagnostics"] is JArray { Count: > 0 } diagnostics)
            {
                throw new DeploymentException($"The template engine reported:{Environment.NewLine}{diagnostics.ToString(Formatting.Indented)}");
            }

            return snapshot;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
