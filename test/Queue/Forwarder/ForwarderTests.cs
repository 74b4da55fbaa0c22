using FluentAssertions;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Rp.Database.Tests.Conformance;
using Xunit;
using ForwarderService = Rp.Queue.Forwarder.Forwarder;

namespace Rp.Queue.Tests.Forwarder;

/// <summary>The forwarder in-process on the real SQLite database and queue of a temporary data directory.</summary>
public sealed class ForwarderTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private readonly List<ForwarderTestHost> hosts = [];

    public static TheoryData<string, bool, int> NewerWrites => new()
    {
        { "newer write still asks for work", true, 2 },
        { "newer write already forwarded", false, 1 },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        directory.Dispose();
    }

    [Fact]
    public async Task Forward_UnqueuedChanges_EnqueuesEachOnceAndClearsTheFlag()
    {
        var host = Host();
        var subscription = TestDocuments.NewSubscriptionId();
        var unqueued = new List<OpenShiftClusterDocument>();
        for (var i = 0; i < 3; i++)
        {
            var document = TestDocuments.Cluster(subscription);
            document.Correlation = new CorrelationData { CorrelationRequestId = Guid.NewGuid().ToString(), ClientRequestId = "client-" + i, RequestId = Guid.NewGuid().ToString() };
            unqueued.Add(await host.Clusters.CreateAsync(document));
        }

        var queued = TestDocuments.Cluster(subscription);
        queued.Unqueued = false;
        await host.Clusters.CreateAsync(queued);

        await host.StartAsync();
        await UntilForwardedAsync(host, unqueued);
        // A worker's write (not flagged) and then a new request on the first document (flagged again).
        var again = unqueued[0];
        await host.Clusters.PatchAsync(unqueued[1].Key, d => { d.LeaseOwner = "worker"; return true; });
        await host.Clusters.PatchAsync(again.Key, d => { d.Unqueued = true; d.AsyncOperationId = Guid.NewGuid().ToString(); return true; });
        await UntilForwardedAsync(host, [again]);
        await host.StopAsync();

        host.ForwarderQueue.DocumentIds.Should().BeEquivalentTo([.. unqueued.Select(d => d.Id), again.Id]);
        host.ForwarderQueue.Puts.Select(p => p.Item).DistinctBy(i => i.DocumentId).Should().BeEquivalentTo(unqueued.Select(d => new WorkItem
        {
            DocumentId = d.Id,
            PartitionKey = d.PartitionKey,
            CorrelationRequestId = d.Correlation!.CorrelationRequestId,
            ClientRequestId = d.Correlation.ClientRequestId,
            RequestId = d.Correlation.RequestId,
        }));
    }

    [Theory]
    [MemberData(nameof(NewerWrites))]
    public async Task Forward_ClearLosesToNewerWrite_EnqueuesAgainOnlyIfStillFlagged(string name, bool stillFlagged, int puts)
    {
        var host = Host();
        var document = await host.Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var readsAtRace = -1;
        host.ForwarderClusters.BeforeNextReplace(async clearing =>
        {
            var newer = await host.Clusters.GetAsync(clearing.Key);
            newer!.Unqueued = stillFlagged;
            newer.AsyncOperationId = Guid.NewGuid().ToString();
            await host.Clusters.ReplaceAsync(newer);
            Volatile.Write(ref readsAtRace, host.ForwarderClusters.ChangeFeedReads.Count);
        });

        await host.StartAsync();
        await UntilForwardedAsync(host, [document]);
        // The forwarder reads the change feed again only once it is done with the document.
        await Eventually.UntilAsync(
            () => Volatile.Read(ref readsAtRace) >= 0 && host.ForwarderClusters.ChangeFeedReads.Count > Volatile.Read(ref readsAtRace),
            "the forwarder to read on after the race");
        await host.StopAsync();

        host.ForwarderQueue.DocumentIds.Should().Equal(Enumerable.Repeat(document.Id, puts), name);
        (await host.Clusters.GetAsync(document.Key))!.Unqueued.Should().BeFalse();
    }

    [Fact]
    public async Task Restart_FromCheckpoint_ReadsOnlyChangesAfterIt()
    {
        var first = Host();
        var subscription = TestDocuments.NewSubscriptionId();
        var forwarded = new[]
        {
            await first.Clusters.CreateAsync(TestDocuments.Cluster(subscription)),
            await first.Clusters.CreateAsync(TestDocuments.Cluster(subscription)),
        };
        await first.StartAsync();
        await UntilForwardedAsync(first, forwarded);
        // Idle: a read that finds nothing comes after the checkpoint covering the flags it cleared.
        var reads = first.ForwarderClusters.ChangeFeedReads.Count;
        await Eventually.UntilAsync(() => first.ForwarderClusters.ChangeFeedReads.Skip(reads).Any(r => r.Items.Count == 0), "the change feed to run dry");
        await first.StopAsync();
        var checkpoint = (await first.Leases.GetAsync(ForwarderService.LeaseName))!.Continuation;

        var restarted = Host();
        await restarted.StartAsync();
        var later = await restarted.Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        await UntilForwardedAsync(restarted, [later]);
        await restarted.StopAsync();

        checkpoint.Should().NotBeNull();
        restarted.ForwarderClusters.ChangeFeedReads[0].From.Should().Be(checkpoint);
        restarted.ForwarderClusters.ChangeFeedReads.SelectMany(r => r.Items).Select(d => d.Key).Should().NotContain(forwarded.Select(d => d.Key));
        restarted.ForwarderQueue.DocumentIds.Should().Equal(later.Id);
        first.ForwarderQueue.DocumentIds.Should().BeEquivalentTo(forwarded.Select(d => d.Id));
    }

    [Fact]
    public async Task Start_UnqueuedDocumentBeforeCheckpoint_IsFoundBySweep()
    {
        var host = Host();
        var subscription = await host.Subscriptions.CreateAsync(TestDocuments.Subscription());
        var missed = await host.Clusters.CreateAsync(TestDocuments.Cluster(subscription.Id));
        // A checkpoint past the document, as a leader that crashed after saving it but before forwarding would leave.
        var end = await host.Clusters.ReadChangeFeedAsync(null, 100);
        await host.Leases.CreateAsync(new LeaseDocument
        {
            Id = ForwarderService.LeaseName,
            PartitionKey = ForwarderService.LeaseName,
            Owner = "crashed-forwarder",
            Expires = DateTimeOffset.UtcNow.AddMinutes(-1),
            Continuation = end.Continuation,
        });

        await host.StartAsync();
        await UntilForwardedAsync(host, [missed]);
        await host.StopAsync();

        host.ForwarderQueue.DocumentIds.Should().Equal(missed.Id);
        host.ForwarderClusters.ChangeFeedReads.SelectMany(r => r.Items).Should().NotContain(d => d.Key == missed.Key && d.Unqueued);
    }

    [Fact]
    public async Task Leader_TwoForwardersOneStops_OnlyOneForwardsAndTheOtherTakesOver()
    {
        var leader = Host();
        var standby = Host();
        await leader.StartAsync();
        await Eventually.UntilAsync(() => leader.Leases.GetAsync(ForwarderService.LeaseName), l => l?.Owner is not null, "the first forwarder to lead");
        await standby.StartAsync();
        var subscription = TestDocuments.NewSubscriptionId();
        var before = new List<OpenShiftClusterDocument>();
        for (var i = 0; i < 5; i++)
        {
            before.Add(await leader.Clusters.CreateAsync(TestDocuments.Cluster(subscription)));
        }

        await UntilForwardedAsync(leader, before);
        await leader.StopAsync();
        var after = await standby.Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        await UntilForwardedAsync(standby, [after]);
        await standby.StopAsync();

        leader.ForwarderQueue.DocumentIds.Should().BeEquivalentTo(before.Select(d => d.Id));
        standby.ForwarderQueue.DocumentIds.Should().Equal(after.Id);
    }

    [Fact]
    public async Task Leader_LeaderDiesWithoutRelease_StandbyTakesOverOnceTheLeaseExpires()
    {
        var leaseDuration = TimeSpan.FromSeconds(1);
        var leader = Host(leaseDuration);
        var standby = Host(leaseDuration);
        await leader.StartAsync();
        await Eventually.UntilAsync(() => leader.Leases.GetAsync(ForwarderService.LeaseName), l => l?.Owner is not null, "the first forwarder to lead");
        await standby.StartAsync();
        var subscription = TestDocuments.NewSubscriptionId();
        var before = await leader.Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        await UntilForwardedAsync(leader, [before]);

        // Cut off from the leases, the leader can neither renew nor release its lease when it stops.
        leader.ForwarderLeases.Partition();
        var lastLease = (await leader.Leases.GetAsync(ForwarderService.LeaseName))!;
        await leader.StopAsync();
        var after = await standby.Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        await UntilForwardedAsync(standby, [after]);
        await standby.StopAsync();

        leader.ForwarderQueue.DocumentIds.Should().Equal(before.Id);
        standby.ForwarderQueue.Puts.Should().ContainSingle().Which.Item.DocumentId.Should().Be(after.Id);
        standby.ForwarderQueue.Puts[0].At.Should().BeOnOrAfter(lastLease.Expires!.Value, "the standby waits for the lease to expire");
        (await standby.Leases.GetAsync(ForwarderService.LeaseName))!.Owner.Should().NotBe(lastLease.Owner);
    }

    [Fact]
    public async Task Forward_WriteInThisProcess_WakesTheForwarderBeforeItsPoll()
    {
        // A poll an hour away: only the wake-up of the host's own write can make this finish in
        // time. The first document takes the forwarder past its start (lead, sweep, first read).
        var host = Host(pollInterval: TimeSpan.FromHours(1), wakeUps: true);
        var subscription = TestDocuments.NewSubscriptionId();
        await host.StartAsync();
        var first = await host.Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        await UntilForwardedAsync(host, [first]);

        var second = await host.Clusters.CreateAsync(TestDocuments.Cluster(subscription));

        await UntilForwardedAsync(host, [second]);
        host.ForwarderQueue.DocumentIds.Should().Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task Forward_WriteInAnotherProcess_ForwardedAtTheNextPoll()
    {
        // The forwarder listens for its own process's writes; another process's cannot wake it,
        // and the poll still finds them.
        var forwarding = Host(wakeUps: true);
        var other = Host();
        await forwarding.StartAsync();

        var written = await other.Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        await UntilForwardedAsync(forwarding, [written]);
        forwarding.ForwarderQueue.DocumentIds.Should().Equal(written.Id);
    }

    private ForwarderTestHost Host(TimeSpan? leaseDuration = null, TimeSpan? pollInterval = null, bool wakeUps = false)
    {
        var host = new ForwarderTestHost(directory.Path, leaseDuration, pollInterval, wakeUps);
        hosts.Add(host);
        return host;
    }

    private static async Task UntilForwardedAsync(ForwarderTestHost host, IEnumerable<OpenShiftClusterDocument> documents)
    {
        foreach (var document in documents)
        {
            await Eventually.UntilAsync(() => host.Clusters.GetAsync(document.Key), d => d is { Unqueued: false }, $"{document.Key} to be forwarded");
        }
    }
}
