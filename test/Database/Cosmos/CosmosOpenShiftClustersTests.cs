using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database.Cosmos;
using Rp.Database.Documents;
using Rp.Database.Tests.Conformance;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosOpenShiftClustersTests(EmulatorsFixture emulators) : OpenShiftClustersConformanceTests
{
    private const string Subscription = "00000000-0000-0000-0000-00000000000A";
    private const string OtherSubscription = "00000000-0000-0000-0000-00000000000B";
    private const string PullSecret = "{\"auths\":{\"registry.example.com\":{\"auth\":\"c2VjcmV0\"}}}";

    private CosmosTestDatabase Test => (CosmosTestDatabase)Database;

    private IOpenShiftClusters Clusters => Database.OpenShiftClusters;

    protected override async Task<IDatabaseUnderTest> CreateDatabaseAsync() => await CosmosTestDatabase.CreateAsync(emulators);

    protected override IReadOnlySet<string> StoreFields => CosmosTestDatabase.SystemProperties;

    [Fact]
    public async Task ReadChangeFeedAsync_FromStart_ReturnsEveryDocumentInWriteOrderAcrossPartitions()
    {
        var first = await Clusters.CreateAsync(Cluster(Subscription, "rg", "first"));
        await Clusters.CreateAsync(Cluster(OtherSubscription, "rg", "second"));
        await Clusters.CreateAsync(Cluster(Subscription, "rg", "third"));
        await Clusters.ReplaceAsync(first);

        var names = new List<string>();
        string? continuation = null;
        for (var reads = 0; reads < 10; reads++)
        {
            var page = await Clusters.ReadChangeFeedAsync(continuation, maxItems: 2);
            continuation = page.Continuation;
            if (page.Items.Count == 0)
            {
                break;
            }

            page.Items.Should().OnlyContain(d => !string.IsNullOrEmpty(d.ETag));
            names.AddRange(page.Items.Select(d => d.OpenShiftCluster.Name));
        }

        names.Should().Equal("second", "third", "first");
    }

    [Fact]
    public async Task CreateAsync_DocumentWithSecrets_StoresThemEncrypted()
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));

        var raw = await Test.ReadRawAsync(CosmosContainers.OpenShiftClusters, created.PartitionKey, created.Id);

        raw.ToString().Should().NotContain("registry.example.com");
        raw.SelectToken("openShiftCluster.properties.clusterProfile.pullSecret")!.Value<string>().Should().StartWith("v1:");
    }

    [Fact]
    public async Task ReplaceAsync_UnknownFields_AreKept()
    {
        var document = Cluster(Subscription, "rg", "cluster");
        document.ExtensionData = new Dictionary<string, JToken> { ["writtenByANewerVersion"] = new JObject { ["x"] = 1 } };
        var created = await Clusters.CreateAsync(document);
        var read = (await Clusters.GetAsync(created.Key))!;

        await Clusters.ReplaceAsync(read);

        var raw = await Test.ReadRawAsync(CosmosContainers.OpenShiftClusters, created.PartitionKey, created.Id);
        raw.SelectToken("writtenByANewerVersion.x")!.Value<int>().Should().Be(1);
    }

    private static OpenShiftClusterDocument Cluster(string subscriptionId, string resourceGroup, string name)
    {
        var id = new ResourceId(subscriptionId, resourceGroup, name);
        return new OpenShiftClusterDocument
        {
            Id = Guid.NewGuid().ToString(),
            PartitionKey = id.PartitionKey,
            Key = id.Key,
            OpenShiftCluster = new OpenShiftCluster
            {
                Id = id.ToString(),
                Name = name,
                Location = "eastus",
                Properties = new OpenShiftClusterProperties
                {
                    ProvisioningState = ProvisioningState.Creating,
                    ClusterProfile = new ClusterProfile { PullSecret = new Secret(PullSecret), Domain = name },
                },
            },
        };
    }
}
