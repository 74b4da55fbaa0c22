using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Rp.ArmDeploymentClient.Tests;

/// <summary>Which resource waits for which: every form a dependsOn entry takes, and references left as expressions.</summary>
public sealed class DeploymentPlanTests
{
    private const string Type = "RedHat.OpenShift/openShiftClusters";
    private const string Prefix = "/subscriptions/s/resourceGroups/rg/providers/RedHat.OpenShift/openShiftClusters/";

    /// <summary>Case, c's dependsOn entry as the engine leaves it, what c then waits for.</summary>
    public static TheoryData<string, string, string[]> Entries => new()
    {
        { "resource id", Prefix + "a", ["a"] },
        { "resource id in other case", (Prefix + "A").ToUpperInvariant(), ["a"] },
        { "name", "a", ["a"] },
        { "type and name", $"{Type}/a", ["a"] },
        { "copy loop name", "loop", ["b0", "b1"] },
        { "template key (symbolic name)", "1", ["b0", "b1"] },
        { "not in the deployment", Prefix + "elsewhere", [] },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void FromSnapshot_DependsOnEntry_ResolvesToTheResourcesItNames(string name, string entry, string[] expected)
    {
        var plan = DeploymentPlan.FromSnapshot(Template(), Predicted(("a", "0", []), ("b0", "1", []), ("b1", "1", []), ("c", "2", [entry])));

        plan.Single(r => Name(r) == "c").DependsOn.Select(Name).Should().BeEquivalentTo(expected, name);
    }

    [Fact]
    public void FromSnapshot_ReferenceLeftAsExpression_IsADependency()
    {
        var predicted = Predicted(("a", "0", []), ("c", "2", []));
        predicted[1]["properties"]![DeploymentPlan.Carrier]!["properties"] = new JObject { ["x"] = $"[reference('{Prefix}a', '2020-04-30').consoleProfile.url]" };

        var plan = DeploymentPlan.FromSnapshot(Template(), predicted);

        plan.Single(r => Name(r) == "c").DependsOn.Select(Name).Should().Equal("a");
    }

    [Fact]
    public void FromSnapshot_Carrier_IsTakenOutAndThePropertiesRestored()
    {
        var predicted = Predicted(("a", "0", []), ("c", "2", []));
        predicted[0]["properties"]![DeploymentPlan.Carrier]!["properties"] = new JObject { ["podCidr"] = "10.0.0.0/14" };

        var plan = DeploymentPlan.FromSnapshot(Template(), predicted);

        JToken.DeepEquals(plan[0].Resource["properties"], new JObject { ["podCidr"] = "10.0.0.0/14" }).Should().BeTrue(plan[0].Resource.ToString());
        plan[1].Resource["properties"].Should().BeNull("c had no properties in the template");
        plan[0].Body().Properties().Select(p => p.Name).Should().BeEquivalentTo("location", "properties");
    }

    [Fact]
    public void FromSnapshot_Cycle_Throws()
    {
        var predicted = Predicted(("a", "0", ["c"]), ("c", "2", ["a"]));

        var build = () => DeploymentPlan.FromSnapshot(Template(), predicted);

        build.Should().Throw<DeploymentException>().WithMessage("*cycle*");
    }

    [Fact]
    public void WithCarriers_EachResource_CarriesItsKeyDependsOnAndProperties()
    {
        var template = Template();

        var carried = DeploymentPlan.WithCarriers(template);

        var b = carried["resources"]![1]!;
        JToken.DeepEquals(b["properties"], new JObject
        {
            [DeploymentPlan.Carrier] = new JObject { ["key"] = "1", ["dependsOn"] = new JArray("a"), ["properties"] = new JObject { ["n"] = "[copyIndex()]" } },
        }).Should().BeTrue(b.ToString());
        template["resources"]![1]!["properties"]!["n"]!.Value<string>().Should().Be("[copyIndex()]", "the template itself is left as it is");
    }

    private static JObject Template() => new()
    {
        ["resources"] = new JArray(
            new JObject { ["type"] = Type, ["name"] = "a" },
            new JObject { ["type"] = Type, ["name"] = "[format('b{0}', copyIndex())]", ["copy"] = new JObject { ["name"] = "loop", ["count"] = 2 }, ["dependsOn"] = new JArray("a"), ["properties"] = new JObject { ["n"] = "[copyIndex()]" } },
            new JObject { ["type"] = Type, ["name"] = "c" }),
    };

    private static JArray Predicted(params (string Name, string Key, string[] DependsOn)[] resources) => new(resources.Select(r => new JObject
    {
        ["id"] = Prefix + r.Name,
        ["type"] = Type,
        ["name"] = r.Name,
        ["apiVersion"] = "2020-04-30",
        ["location"] = "eastus",
        ["properties"] = new JObject { [DeploymentPlan.Carrier] = new JObject { ["key"] = r.Key, ["dependsOn"] = new JArray(r.DependsOn) } },
    }));

    private static string Name(PlannedResource resource) => (string)resource.Resource["name"]!;
}
