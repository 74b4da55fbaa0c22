using FluentAssertions;
using Rp.Database.Documents;
using Rp.Database.Tests.Conformance;
using Xunit;

namespace Rp.Database.Tests.Sqlite;

/// <summary>Two stores on one file, as two processes on one data directory would use it.</summary>
public sealed class SqliteSharedFileTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private SqliteDatabaseUnderTest first = null!;
    private SqliteDatabaseUnderTest second = null!;

    public Task InitializeAsync()
    {
        first = SqliteDatabaseUnderTest.Open(directory.Path);
        second = SqliteDatabaseUnderTest.Open(directory.Path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FirstUse_BothStoresAtOnce_BothCreateTheSchemaAndWrite()
    {
        var subscription = TestDocuments.NewSubscriptionId();

        var created = await Task.WhenAll(
            Task.Run(() => first.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(subscription))),
            Task.Run(() => second.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(subscription))));

        var listed = await first.OpenShiftClusters.ListAsync(subscription, "", null, 10);
        listed.Items.Select(d => d.Key).Should().BeEquivalentTo(created.Select(d => d.Key));
    }

    [Fact]
    public async Task ReplaceAsync_OtherStoreWroteFirst_ThrowsPreconditionFailed()
    {
        var created = await first.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var mine = await first.OpenShiftClusters.GetAsync(created.Key);
        var theirs = await second.OpenShiftClusters.GetAsync(created.Key);
        mine!.LeaseOwner = "first";
        theirs!.LeaseOwner = "second";

        await second.OpenShiftClusters.ReplaceAsync(theirs);
        var act = () => first.OpenShiftClusters.ReplaceAsync(mine);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await first.OpenShiftClusters.GetAsync(created.Key))!.LeaseOwner.Should().Be("second");
    }

    [Fact]
    public async Task CreateAsync_SameKeyFromBothStores_ExactlyOneWins()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var a = TestDocuments.Cluster(subscription, name: "same");
        var b = TestDocuments.Cluster(subscription, name: "same");

        var results = await Task.WhenAll(
            Task.Run(() => Outcome(() => first.OpenShiftClusters.CreateAsync(a))),
            Task.Run(() => Outcome(() => second.OpenShiftClusters.CreateAsync(b))));

        results.Should().BeEquivalentTo(["created", "conflict"]);
    }

    [Fact]
    public async Task PatchAsync_ManyIncrementsFromBothStores_LosesNone()
    {
        var created = await first.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).OpenShiftClusters.PatchAsync(created.Key, doc =>
            {
                var tags = doc.OpenShiftCluster.Tags!;
                tags["counter"] = (int.Parse(tags.GetValueOrDefault("counter", "0")) + 1).ToString();
                return true;
            }))));

        (await second.OpenShiftClusters.GetAsync(created.Key))!.OpenShiftCluster.Tags.Should().Contain("counter", "20");
    }

    [Fact]
    public async Task ReadChangeFeedAsync_WritesThroughBothStores_ComeBackInWriteOrder()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var written = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var store = i % 2 == 0 ? first : second;
            written.Add((await store.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(subscription, name: $"c{i}"))).Key);
        }

        var fromFirst = await first.OpenShiftClusters.ReadChangeFeedAsync(null, 100);
        var fromSecond = await second.OpenShiftClusters.ReadChangeFeedAsync(null, 100);

        fromFirst.Items.Select(d => d.Key).Should().Equal(written);
        fromSecond.Items.Select(d => d.Key).Should().Equal(written);
        fromSecond.Continuation.Should().Be(fromFirst.Continuation);
    }

    [Fact]
    public async Task ReadChangeFeedAsync_ConcurrentWritersInBothStores_NeverSkipsACommittedWrite()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? first : second;
            for (var i = 0; i < 10; i++)
            {
                await store.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(subscription, name: $"w{w}-{i}"));
            }
        })).ToList();

        var seen = new List<string>();
        string? continuation = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < 40 && DateTime.UtcNow < deadline)
        {
            var page = await first.OpenShiftClusters.ReadChangeFeedAsync(continuation, 3);
            seen.AddRange(page.Items.Select(d => d.Key));
            continuation = page.Continuation;
        }

        await Task.WhenAll(writers);
        seen.Should().HaveCount(40).And.OnlyHaveUniqueItems();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        directory.Dispose();
    }

    private static async Task<string> Outcome(Func<Task<OpenShiftClusterDocument>> create)
    {
        try
        {
            await create();
            return "created";
        }
        catch (ConflictException)
        {
            return "conflict";
        }
    }
}
