using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.ArmDeploymentClient;
using Xunit;

namespace Rp.Deploy.Tests;

/// <summary>
/// deploy/examples: each Bicep file lints clean, its committed ARM JSON is what a fresh
/// <c>bicep build</c> gives, and ARM's template engine evaluates it into the clusters it promises.
/// </summary>
public sealed class ExamplesTests
{
    private const string SubscriptionId = "11111111-2222-3333-4444-555555555555";
    private const string PullSecret = """{"auths":{"registry.example.com":{"auth":"ZXhhbXBsZQ=="}}}""";

    private static readonly BicepCli Bicep = BicepCli.Locate();

    private static string Examples => Path.Combine(RepositoryRoot.Deploy, "examples");

    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files("*.bicep"))
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Examples_AreTheOnesTheReadmeShows()
    {
        Files("*.bicep").Should().Equal("cluster.bicep", "clusters.bicep");
        Files("*.bicepparam").Should().Equal("cluster.bicepparam");
        Files("*.json").Should().Equal("cluster.json", "clusters.json");
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_BicepFile_EqualsTheCommittedJson(string file)
    {
        var fresh = await Bicep.RunAsync(["build", file, "--stdout"], Examples);
        var committed = await File.ReadAllTextAsync(Path.Combine(Examples, Path.ChangeExtension(file, ".json")));

        JToken.DeepEquals(JToken.Parse(fresh.Output), JToken.Parse(committed)).Should().BeTrue($"{Path.ChangeExtension(file, ".json")} is stale: run bicep build deploy/examples/{file}");
        fresh.Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    [InlineData("cluster.bicepparam")]
    public async Task Lint_Example_ReportsNothing(string file)
    {
        var lint = await Bicep.RunAsync(["lint", file], Examples, new Dictionary<string, string> { ["PULL_SECRET"] = PullSecret });

        lint.Output.Should().BeEmpty();
        lint.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public async Task Snapshot_ClusterBicepparam_PredictsOneClusterWithTheSecretStillAParameter()
    {
        var input = await DeploymentInputFromEnvironmentAsync("cluster.bicepparam");

        var snapshot = await new TemplateEngine(Bicep).SnapshotAsync(input.Template, input.Parameters, Scope("cluster"));

        var cluster = snapshot["predictedResources"]!.Should().ContainSingle().Subject;
        ((string?)cluster["id"]).Should().Be($"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/RedHat.OpenShift/openShiftClusters/mycluster");
        ((string?)cluster["apiVersion"]).Should().Be("2020-04-30");
        ((string?)cluster["location"]).Should().Be("westeurope", "the location defaults to the resource group's");
        ((string?)cluster.SelectToken("properties.clusterProfile.pullSecret")).Should().Be("[parameters('pullSecret')]", "ARM fills secure parameters in only when it sends the PUT");
        ((string?)snapshot.SelectToken("outputs.consoleUrl")).Should().StartWith("[reference(").And.Contain("consoleProfile.url");
    }

    [Fact]
    public async Task Snapshot_ClustersBicep_PredictsOneClusterPerCopy()
    {
        const int count = 3;
        var input = await DeploymentInput.LoadAsync(Bicep, Path.Combine(Examples, "clusters.bicep"), [$"count={count}", $"pullSecret={PullSecret}", "namePrefix=team"]);

        var snapshot = await new TemplateEngine(Bicep).SnapshotAsync(input.Template, input.Parameters, Scope("clusters"));

        snapshot["predictedResources"]!.Select(r => (string?)r["name"]).Should().Equal(Enumerable.Range(0, count).Select(i => $"team-{i}"));
    }

    private static List<string> Files(string pattern) =>
        [.. Directory.GetFiles(Examples, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static DeploymentScope Scope(string name) => new(SubscriptionId, "rg", "westeurope", name);

    private static async Task<DeploymentInput> DeploymentInputFromEnvironmentAsync(string file)
    {
        // cluster.bicepparam reads the pull secret from the environment, as the README shows.
        Environment.SetEnvironmentVariable("PULL_SECRET", PullSecret);
        return await DeploymentInput.LoadAsync(Bicep, Path.Combine(Examples, file), []);
    }
}
