using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database.Cosmos;
using Rp.Database.Documents;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosOpenShiftClustersTests(EmulatorsFixture emulators) : IAsyncLifetime
{
    private const string Subscription = "00000000-0000-0000-0000-00000000000A";
    private const string OtherSubscription = "00000000-0000-0000-0000-00000000000B";
    private const string PullSecret = "{\"auths\":{\"registry.example.com\":{\"auth\":\"c2VjcmV0\"}}}";

    private CosmosTestDatabase test = null!;

    private IOpenShiftClusters Clusters => test.Database.OpenShiftClusters;

    public async Task InitializeAsync() => test = await CosmosTestDatabase.CreateAsync(emulators);

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task CreateAsync_NewDocument_CanBeReadByKeyAndById()
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));

        var byKey = await Clusters.GetAsync(created.Key);
        var byId = await Clusters.GetByIdAsync(created.PartitionKey, created.Id);

        created.ETag.Should().NotBeNullOrEmpty();
        byKey.Should().NotBeNull();
        byKey!.Id.Should().Be(created.Id);
        byKey.ETag.Should().Be(created.ETag);
        byKey.OpenShiftCluster.Properties.ClusterProfile.PullSecret!.Reveal().Should().Be(PullSecret);
        byId!.Key.Should().Be(created.Key);
    }

    [Fact]
    public async Task GetAsync_MissingDocument_ReturnsNull()
    {
        var key = new ResourceId(Subscription, "rg", "missing").Key;

        (await Clusters.GetAsync(key)).Should().BeNull();
        (await Clusters.GetByIdAsync(ResourceId.PartitionKeyOf(key), Guid.NewGuid().ToString())).Should().BeNull();
    }

    public static TheoryData<string, Func<OpenShiftClusterDocument, OpenShiftClusterDocument>> Duplicates => new()
    {
        { "same key, new id", _ => Cluster(Subscription, "rg", "cluster") },
        { "same id, other key", existing => WithId(Cluster(Subscription, "rg", "other"), existing.Id) },
    };

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task CreateAsync_Duplicate_ThrowsConflict(string name, Func<OpenShiftClusterDocument, OpenShiftClusterDocument> duplicateOf)
    {
        var existing = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));

        var create = () => Clusters.CreateAsync(duplicateOf(existing));

        await create.Should().ThrowAsync<ConflictException>(name);
    }

    [Fact]
    public async Task ReplaceAsync_CurrentETag_StoresChangeWithNewETag()
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));
        var firstETag = created.ETag;
        created.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;

        var replaced = await Clusters.ReplaceAsync(created);

        replaced.ETag.Should().NotBe(firstETag);
        (await Clusters.GetAsync(created.Key))!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailed()
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));
        var stale = (await Clusters.GetAsync(created.Key))!;
        await Clusters.ReplaceAsync(created);

        var replace = () => Clusters.ReplaceAsync(stale);

        await replace.Should().ThrowAsync<PreconditionFailedException>();
    }

    [Fact]
    public async Task DeleteAsync_CurrentETag_RemovesDocument()
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));

        await Clusters.DeleteAsync(created);

        (await Clusters.GetAsync(created.Key)).Should().BeNull();
    }

    public static TheoryData<string, Func<IOpenShiftClusters, OpenShiftClusterDocument, Task>> LostWrites => new()
    {
        { "delete with a stale ETag", async (clusters, doc) => { var stale = WithETag(doc, doc.ETag); await clusters.ReplaceAsync(doc); await clusters.DeleteAsync(stale); } },
        { "delete of a deleted document", async (clusters, doc) => { await clusters.DeleteAsync(doc); await clusters.DeleteAsync(doc); } },
        { "replace of a deleted document", async (clusters, doc) => { var copy = WithETag(doc, doc.ETag); await clusters.DeleteAsync(doc); await clusters.ReplaceAsync(copy); } },
        { "replace without an ETag", (clusters, doc) => clusters.ReplaceAsync(WithETag(doc, null)) },
    };

    [Theory]
    [MemberData(nameof(LostWrites))]
    public async Task Write_DocumentChangedOrGone_ThrowsPreconditionFailed(string name, Func<IOpenShiftClusters, OpenShiftClusterDocument, Task> write)
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));

        var act = () => write(Clusters, created);

        await act.Should().ThrowAsync<PreconditionFailedException>(name);
    }

    [Fact]
    public async Task ListAsync_ByResourceGroupPrefix_PagesInKeyOrder()
    {
        foreach (var name in new[] { "d", "b", "e", "a", "c" })
        {
            await Clusters.CreateAsync(Cluster(Subscription, "rg1", name));
        }

        await Clusters.CreateAsync(Cluster(Subscription, "rg2", "f"));
        await Clusters.CreateAsync(Cluster(OtherSubscription, "rg1", "g"));
        var prefix = ResourceId.ResourceGroupPrefix(Subscription, "rg1");
        var partitionKey = ResourceId.PartitionKeyOf(prefix);

        var pages = new List<IReadOnlyList<string>>();
        string? continuation = null;
        do
        {
            var page = await Clusters.ListAsync(partitionKey, prefix, continuation, maxItems: 2);
            pages.Add(page.Items.Select(d => d.OpenShiftCluster.Name).ToList());
            continuation = page.Continuation;
        }
        while (continuation is not null && pages.Count < 10);

        pages.Should().BeEquivalentTo(new[] { new[] { "a", "b" }, new[] { "c", "d" }, new[] { "e" } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task ListAsync_SubscriptionPrefix_ReturnsEveryResourceGroup()
    {
        await Clusters.CreateAsync(Cluster(Subscription, "rg1", "a"));
        await Clusters.CreateAsync(Cluster(Subscription, "rg2", "b"));
        await Clusters.CreateAsync(Cluster(OtherSubscription, "rg1", "c"));

        var page = await Clusters.ListAsync(Subscription.ToLowerInvariant(), ResourceId.SubscriptionPrefix(Subscription), null, maxItems: 10);

        page.Items.Select(d => d.OpenShiftCluster.Name).Should().Equal("a", "b");
        page.Continuation.Should().BeNull();
    }

    [Fact]
    public async Task ListUnqueuedAsync_MixedFlags_ReturnsUnqueuedOfThePartition()
    {
        await Clusters.CreateAsync(Cluster(Subscription, "rg", "queued"));
        await Clusters.CreateAsync(Cluster(Subscription, "rg", "unqueued", unqueued: true));
        await Clusters.CreateAsync(Cluster(OtherSubscription, "rg", "elsewhere", unqueued: true));

        var unqueued = await Clusters.ListUnqueuedAsync(Subscription.ToLowerInvariant());

        unqueued.Select(d => d.OpenShiftCluster.Name).Should().Equal("unqueued");
    }

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
    public async Task ReadChangeFeedAsync_FromContinuation_ReturnsOnlyLaterWrites()
    {
        var first = await Clusters.CreateAsync(Cluster(Subscription, "rg", "first"));
        await Clusters.CreateAsync(Cluster(Subscription, "rg", "second"));
        var drained = await Clusters.ReadChangeFeedAsync(null, maxItems: 100);
        var nothingNew = await Clusters.ReadChangeFeedAsync(drained.Continuation, maxItems: 100);
        first.Unqueued = true;
        await Clusters.ReplaceAsync(first);
        await Clusters.CreateAsync(Cluster(OtherSubscription, "rg", "third"));

        var resumed = await Clusters.ReadChangeFeedAsync(nothingNew.Continuation, maxItems: 100);

        drained.Items.Should().HaveCount(2);
        nothingNew.Items.Should().BeEmpty();
        resumed.Items.Select(d => (d.OpenShiftCluster.Name, d.Unqueued)).Should().Equal(("first", true), ("third", false));
    }

    [Fact]
    public async Task CreateAsync_DocumentWithSecrets_StoresThemEncrypted()
    {
        var created = await Clusters.CreateAsync(Cluster(Subscription, "rg", "cluster"));

        var raw = await test.ReadRawAsync(CosmosContainers.OpenShiftClusters, created.PartitionKey, created.Id);

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

        var raw = await test.ReadRawAsync(CosmosContainers.OpenShiftClusters, created.PartitionKey, created.Id);
        raw.SelectToken("writtenByANewerVersion.x")!.Value<int>().Should().Be(1);
    }

    internal static OpenShiftClusterDocument Cluster(string subscriptionId, string resourceGroup, string name, bool unqueued = false)
    {
        var id = new ResourceId(subscriptionId, resourceGroup, name);
        return new OpenShiftClusterDocument
        {
            Id = Guid.NewGuid().ToString(),
            PartitionKey = id.PartitionKey,
            Key = id.Key,
            Unqueued = unqueued,
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

    private static OpenShiftClusterDocument WithId(OpenShiftClusterDocument document, string id)
    {
        document.Id = id;
        return document;
    }

    private static OpenShiftClusterDocument WithETag(OpenShiftClusterDocument document, string? etag)
    {
        var copy = Cluster(Subscription, "rg", document.OpenShiftCluster.Name);
        copy.Id = document.Id;
        copy.Key = document.Key;
        copy.PartitionKey = document.PartitionKey;
        copy.ETag = etag;
        return copy;
    }
}
