using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Rp.ArmDeploymentClient.Tests;

/// <summary>Expressions that reference() deployed resources, evaluated by the template engine from each resource's GET.</summary>
public sealed class ReferenceEvaluatorTests
{
    private const string Id = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/RedHat.OpenShift/openShiftClusters/a";

    [Fact]
    public async Task EvaluateAsync_References_AreTheGetOfTheResourceInTheVersionTheyName()
    {
        var reads = new List<(string Id, string ApiVersion)>();
        var values = new Dictionary<string, (string, JToken)>
        {
            ["properties"] = ("string", $"[reference('{Id}', '2020-04-30').consoleProfile.url]"),
            ["withFunctions"] = ("string", $"[format('{{0}}/dashboards', toUpper(reference('{Id}', '2020-04-30').consoleProfile.url))]"),
            ["full"] = ("string", $"[reference('{Id}', '2020-04-30', 'Full').location]"),
            ["nested"] = ("object", new JObject { ["url"] = $"[reference('{Id}', '2019-12-31-preview').consoleURL]", ["literal"] = 1 }),
            ["literal"] = ("int", 42),
        };

        var evaluated = await new ReferenceEvaluator(new TemplateEngine(BicepCli.Locate())).EvaluateAsync(
            values,
            (id, apiVersion, _) =>
            {
                reads.Add((id, apiVersion));
                var properties = apiVersion == "2020-04-30"
                    ? new JObject { ["consoleProfile"] = new JObject { ["url"] = "https://console.example" } }
                    : new JObject { ["consoleURL"] = "https://preview.example" };
                return Task.FromResult(new JObject { ["location"] = "westeurope", ["properties"] = properties });
            },
            new DeploymentScope("11111111-2222-3333-4444-555555555555", "rg", "eastus", "outputs"));

        ((string?)evaluated["properties"]).Should().Be("https://console.example");
        ((string?)evaluated["withFunctions"]).Should().Be("HTTPS://CONSOLE.EXAMPLE/dashboards");
        ((string?)evaluated["full"]).Should().Be("westeurope");
        JToken.DeepEquals(evaluated["nested"], new JObject { ["url"] = "https://preview.example", ["literal"] = 1 }).Should().BeTrue(evaluated.ToString());
        ((int?)evaluated["literal"]).Should().Be(42);
        reads.Should().BeEquivalentTo([(Id, "2020-04-30"), (Id, "2019-12-31-preview")], "each resource and version is read once, whatever the number of references");
    }
}
