using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.ArmDeploymentClient;
using Rp.Database.Cosmos;
using Rp.Queue;
using Xunit;

namespace Rp.Deploy.Tests;

/// <summary>
/// deploy/rp-infrastructure.json as ARM's template engine evaluates it (<c>bicep snapshot</c> of a
/// .bicepparam that uses it): no diagnostics, and the containers and queue it would create are
/// the ones the runtime uses.
/// </summary>
public sealed class RpInfrastructureSnapshotTests
{
    private static readonly Lazy<Task<JArray>> Predicted = new(EvaluateAsync);

    [Fact]
    public async Task Snapshot_Containers_AreTheRuntimesContainers()
    {
        var containers = (await Predicted.Value).Where(r => (string?)r["type"] == RpInfrastructureTemplate.SqlContainerType).ToList();

        containers.Select(c => (string?)c.SelectToken("properties.resource.id")).Should().BeEquivalentTo(CosmosContainers.All().Select(c => c.Id));
        foreach (var expected in CosmosContainers.All())
        {
            var container = containers.Single(c => (string?)c.SelectToken("properties.resource.id") == expected.Id);
            var resource = container.SelectToken("properties.resource")!;
            ((string?)container["name"]).Should().EndWith($"/{new CosmosOptions().DatabaseName}/{expected.Id}");
            resource.SelectToken("partitionKey.paths")!.Values<string>().Should().Equal(expected.PartitionKeyPath);
            (resource.SelectToken("uniqueKeyPolicy.uniqueKeys")?.Select(k => k["paths"]!.Values<string>().Single()) ?? []).Should().Equal(expected.UniqueKeyPolicy.UniqueKeys.Select(k => k.Paths.Single()));
            ((int?)resource["defaultTtl"]).Should().Be(expected.DefaultTimeToLive);
        }
    }

    [Fact]
    public async Task Snapshot_Queue_IsTheRuntimesQueue()
    {
        var queue = (await Predicted.Value).Should().ContainSingle(r => (string?)r["type"] == RpInfrastructureTemplate.QueueType).Subject;

        ((string?)queue["name"]).Should().EndWith($"/default/{new QueueOptions().Name}");
    }

    [Fact]
    public async Task Snapshot_Resources_AreConcrete()
    {
        var predicted = await Predicted.Value;

        predicted.Should().NotBeEmpty();
        predicted.Select(r => (string?)r["id"]).Should().OnlyContain(id => id != null && id.StartsWith("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/", StringComparison.Ordinal));
        predicted.Select(r => (string?)r["name"]).Should().OnlyContain(n => n != null && !n.StartsWith('['), "names are evaluated");
    }

    /// <summary>The template engine throws on any diagnostic, so reaching the resources means there were none.</summary>
    private static async Task<JArray> EvaluateAsync()
    {
        var template = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Deploy, DeployGenerator.TemplateFile)));
        var snapshot = await new TemplateEngine(BicepCli.Locate()).SnapshotAsync(template, new Dictionary<string, JToken>(), new DeploymentScope("11111111-2222-3333-4444-555555555555", "rg", "eastus", "rp-infrastructure"));
        return (JArray)snapshot["predictedResources"]!;
    }
}
