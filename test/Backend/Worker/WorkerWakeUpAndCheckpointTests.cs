using FluentAssertions;
using Rp.Api;
using Rp.Backend.Installer;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Xunit;

namespace Rp.Backend.Tests.Worker;

/// <summary>
/// When a worker starts on a message (at once when this process's forwarder put it, at the next
/// poll when another process did), and when it writes what its phases did (a checkpoint once the
/// phases since the last one took <see cref="BackendOptions.CheckpointAfter"/>, else with the next
/// write).
/// </summary>
public sealed class WorkerWakeUpAndCheckpointTests : IAsyncLifetime
{
    private static readonly string Hour = BackendTestHost.Setting(TimeSpan.FromHours(1));

    private readonly TempDirectory directory = new();
    private readonly List<BackendTestHost> hosts = [];

    public static TheoryData<string, string, int[]> Checkpoints => new()
    {
        // At the start of each of the six create phases, how many earlier ones the stored document has.
        { "phases quicker than the threshold go with the final write", Hour, [0, 0, 0, 0, 0, 0] },
        { "a threshold of zero writes every phase", BackendTestHost.Setting(TimeSpan.Zero), [0, 1, 2, 3, 4, 5] },
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
    public async Task Create_ForwardedInThisProcess_WorkersWakeBeforeTheirPoll()
    {
        // Polls an hour apart: only the in-process wake-ups can make this finish within the test's
        // deadline. The first create takes the roles past their start (the forwarder's sweep, the
        // workers' first polls); the second finds every loop waiting.
        var host = Host(RecordingInstaller.Local(), new() { ["Backend:PollInterval"] = Hour, ["Forwarder:PollInterval"] = Hour }, forwarder: true);
        await host.StartAsync();
        var (first, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await UntilSucceededAsync(host, first.Key);

        var (second, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);

        await UntilSucceededAsync(host, second.Key);
    }

    [Fact]
    public async Task Message_PutByAnotherProcess_TakenAtTheNextPoll()
    {
        // Only a forwarder of the same process wakes the workers: a message that another process's
        // queue client puts, after the workers went idle, is found by their poll.
        var host = Host(RecordingInstaller.Local());
        var other = Host(RecordingInstaller.Local());
        await host.StartAsync();
        var (document, _) = await ClusterRequests.CreateAsync(other.Clusters, other.Operations);

        await ClusterRequests.EnqueueAsync(other.Queue, document);

        await UntilSucceededAsync(host, document.Key);
    }

    [Fact]
    public async Task Lease_OfAnUnqueuedDocument_ClearsTheFlagItsMessageCovers()
    {
        // No forwarder clears the flag here: the worker's lease write does, so that a forwarder's
        // clear losing to it does not enqueue the document a second time.
        var probe = new StoredPhasesProbe(RecordingInstaller.Local());
        var host = Host(new RecordingInstaller(probe));
        probe.Clusters = host.Clusters;
        var (document, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        document.Unqueued.Should().BeTrue();
        await ClusterRequests.EnqueueAsync(host.Queue, document);

        await host.StartAsync();
        var done = await UntilSucceededAsync(host, document.Key);

        probe.UnqueuedAtStart.Should().AllBeEquivalentTo(false, "the lease write came before the first phase");
        done.Unqueued.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public async Task Create_CheckpointAfter_DecidesWhichPhasesAreWrittenOnTheirOwn(string name, string checkpointAfter, int[] storedAtStart)
    {
        var probe = new StoredPhasesProbe(RecordingInstaller.Local());
        var host = Host(new RecordingInstaller(probe), new() { ["Backend:CheckpointAfter"] = checkpointAfter });
        probe.Clusters = host.Clusters;
        var (document, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await ClusterRequests.EnqueueAsync(host.Queue, document);

        await host.StartAsync();
        var done = await UntilSucceededAsync(host, document.Key);

        probe.StoredAtStart.Should().Equal(storedAtStart, name);
        done.OpenShiftCluster.Properties.Install.CompletedPhases.Should().Equal(InstallerPhases.Creating, name);
    }

    private static async Task<OpenShiftClusterDocument> UntilSucceededAsync(BackendTestHost host, string key) =>
        (await Eventually.UntilAsync(
            () => host.Clusters.GetAsync(key),
            d => d?.OpenShiftCluster.Properties.ProvisioningState == ProvisioningState.Succeeded && d.LeaseOwner is null,
            $"{key} to be Succeeded and released"))!;

    private BackendTestHost Host(RecordingInstaller installer, Dictionary<string, string?>? settings = null, bool forwarder = false)
    {
        var host = new BackendTestHost(directory.Path, installer, settings, forwarder);
        hosts.Add(host);
        return host;
    }

    /// <summary>Records, as each phase starts, how many completed phases the stored document holds, and its unqueued flag.</summary>
    private sealed class StoredPhasesProbe(IClusterInstaller inner) : IClusterInstaller
    {
        private readonly List<int> storedAtStart = [];
        private readonly List<bool> unqueuedAtStart = [];

        public IOpenShiftClusters? Clusters { get; set; }

        public IReadOnlyList<int> StoredAtStart
        {
            get
            {
                lock (storedAtStart)
                {
                    return [.. storedAtStart];
                }
            }
        }

        public IReadOnlyList<bool> UnqueuedAtStart
        {
            get
            {
                lock (storedAtStart)
                {
                    return [.. unqueuedAtStart];
                }
            }
        }

        public IReadOnlyList<string> PhasesFor(ProvisioningState state) => inner.PhasesFor(state);

        public async Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default)
        {
            var stored = await Clusters!.GetAsync(cluster.Id.ToLowerInvariant(), cancellationToken);
            lock (storedAtStart)
            {
                storedAtStart.Add(stored!.OpenShiftCluster.Properties.Install.CompletedPhases.Count);
                unqueuedAtStart.Add(stored.Unqueued);
            }

            await inner.RunPhaseAsync(phase, cluster, cancellationToken);
        }
    }
}
