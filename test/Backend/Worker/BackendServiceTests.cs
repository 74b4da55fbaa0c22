using System.Diagnostics;
using FluentAssertions;
using Rp.Api;
using Rp.Backend.Installer;
using Rp.Backend.Tests.Installer;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Xunit;

namespace Rp.Backend.Tests.Worker;

/// <summary>
/// The backend role end to end in-process: real SQLite database and queue in a temporary data
/// directory, messages as the forwarder writes them, the local installer wrapped to record calls.
/// </summary>
public sealed class BackendServiceTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private readonly List<BackendTestHost> hosts = [];

    public static TheoryData<string, string, string[]> FailingPhases => new()
    {
        { "first phase", InstallerPhases.Domain, [] },
        { "a later phase", InstallerPhases.Kubeconfig, [InstallerPhases.Domain, InstallerPhases.Pki, InstallerPhases.Credentials, InstallerPhases.Urls] },
    };

    public static TheoryData<string, ProvisioningState, CloudErrorBody?> TerminalStates => new()
    {
        { "succeeded", ProvisioningState.Succeeded, null },
        { "failed", ProvisioningState.Failed, new CloudErrorBody(CloudErrorCodes.DeploymentFailed, "failed before") },
    };

    /// <summary>How a worker stops owning its work.</summary>
    public enum Loss
    {
        /// <summary>Another owner overwrites the document's lease.</summary>
        Lease,

        /// <summary>The message is deleted under the worker.</summary>
        Message,
    }

    public static TheoryData<string, Loss> Losses => new()
    {
        { "lease overwritten by another owner", Loss.Lease },
        { "message deleted under the worker", Loss.Message },
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
    public async Task Create_Processed_SucceedsWithEveryPhaseAndLeavesNothingBehind()
    {
        var installer = RecordingInstaller.Local();
        var host = Host(installer);
        var (document, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await ClusterRequests.EnqueueAsync(host.Queue, document);

        await host.StartAsync();
        var done = await UntilStateAsync(host, document.Key, ProvisioningState.Succeeded);
        await UntilQueueEmptyAsync(host);
        var ended = await host.Operations.GetAsync(operation.Id);

        installer.Calls(document.OpenShiftCluster.Id).Should().Equal(InstallerPhases.Creating);
        done.OpenShiftCluster.Properties.Install.CompletedPhases.Should().Equal(InstallerPhases.Creating);
        done.OpenShiftCluster.Properties.Install.OperationId.Should().Be(operation.Id);
        done.OpenShiftCluster.Properties.AdminKubeconfig.Should().NotBeNull();
        (done.LeaseOwner, done.LeaseExpires).Should().Be((null, null));
        done.LastOperation.Should().BeEquivalentTo(new { Id = operation.Id, Status = ProvisioningState.Succeeded, Error = (CloudErrorBody?)null });
        ended!.AsyncOperation.Status.Should().Be(ProvisioningState.Succeeded);
        ended.AsyncOperation.EndTime.Should().NotBeNull();
        ended.AsyncOperation.Error.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(FailingPhases))]
    public async Task Create_PhaseFails_FailsDocumentAndOperationWithTheCloudError(string name, string failAt, string[] completedBefore)
    {
        var installer = RecordingInstaller.Local(new InstallerOptions { FailAtPhase = failAt });
        var host = Host(installer);
        var (document, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await ClusterRequests.EnqueueAsync(host.Queue, document);

        await host.StartAsync();
        var failed = await UntilStateAsync(host, document.Key, ProvisioningState.Failed);
        await UntilQueueEmptyAsync(host);
        var ended = await host.Operations.GetAsync(operation.Id);

        var properties = failed.OpenShiftCluster.Properties;
        properties.FailedProvisioningState.Should().Be(ProvisioningState.Creating, name);
        properties.Install.CompletedPhases.Should().Equal(completedBefore);
        failed.LeaseOwner.Should().BeNull();
        failed.LastOperation!.Error!.Code.Should().Be(CloudErrorCodes.DeploymentFailed);
        ended!.AsyncOperation.Status.Should().Be(ProvisioningState.Failed);
        ended.AsyncOperation.EndTime.Should().NotBeNull();
        ended.AsyncOperation.Error!.Code.Should().Be(CloudErrorCodes.DeploymentFailed);
        ended.AsyncOperation.Error.Message.Should().Contain(failAt);
        installer.Calls(document.OpenShiftCluster.Id).Should().Equal([.. completedBefore, failAt]);
    }

    [Fact]
    public async Task Delete_SucceededCluster_RemovesDocumentAndSucceedsOperation()
    {
        var installer = RecordingInstaller.Local();
        var host = Host(installer);
        var (document, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await ClusterRequests.EnqueueAsync(host.Queue, document);
        await host.StartAsync();
        await UntilStateAsync(host, document.Key, ProvisioningState.Succeeded);

        var deletion = await ClusterRequests.DeleteAsync(host.Clusters, host.Operations, document.Key);
        await ClusterRequests.EnqueueAsync(host.Queue, document);
        await Eventually.UntilAsync(() => host.Clusters.GetAsync(document.Key), d => d is null, "the document to be deleted");
        await UntilQueueEmptyAsync(host);
        var ended = await host.Operations.GetAsync(deletion.Id);

        ended!.AsyncOperation.Status.Should().Be(ProvisioningState.Succeeded);
        ended.AsyncOperation.EndTime.Should().NotBeNull();
        installer.Calls(document.OpenShiftCluster.Id).Should().Equal([.. InstallerPhases.Creating, .. InstallerPhases.Deleting]);
    }

    [Theory]
    [MemberData(nameof(TerminalStates))]
    public async Task Message_TerminalDocument_DeletesMessageWithoutWritingTheDocument(string name, ProvisioningState state, CloudErrorBody? error)
    {
        var installer = RecordingInstaller.Local();
        var host = Host(installer);
        var (created, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        // Ended on the resource but not yet on its operation, as after a crash between the two writes.
        var terminal = await ClusterRequests.PatchAsync(host.Clusters, created.Key, d =>
        {
            d.Unqueued = false;
            d.OpenShiftCluster.Properties.ProvisioningState = state;
            d.LastOperation = new OperationOutcome { Id = operation.Id, Status = state, EndTime = DateTimeOffset.UtcNow, Error = error };
        });
        await ClusterRequests.EnqueueAsync(host.Queue, terminal);

        await host.StartAsync();
        await UntilQueueEmptyAsync(host);
        var ended = await Eventually.UntilAsync(() => host.Operations.GetAsync(operation.Id), o => o!.AsyncOperation.Status.IsTerminal(), "the operation to end");

        (await host.Clusters.GetAsync(created.Key))!.ETag.Should().Be(terminal.ETag, name);
        installer.Calls(created.OpenShiftCluster.Id).Should().BeEmpty();
        ended!.AsyncOperation.Status.Should().Be(state);
        ended.AsyncOperation.Error.Should().BeEquivalentTo(error);
    }

    [Fact]
    public async Task Message_DocumentLeasedByLiveOtherWorker_IsDroppedAndDocumentUntouched()
    {
        var installer = RecordingInstaller.Local();
        var host = Host(installer);
        var (created, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        var leased = await ClusterRequests.PatchAsync(host.Clusters, created.Key, d =>
        {
            d.LeaseOwner = "live-worker/its-own-message";
            d.LeaseExpires = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        });
        await ClusterRequests.EnqueueAsync(host.Queue, leased);

        await host.StartAsync();
        await UntilQueueEmptyAsync(host);

        (await host.Clusters.GetAsync(created.Key))!.ETag.Should().Be(leased.ETag);
        installer.Calls(created.OpenShiftCluster.Id).Should().BeEmpty();
    }

    [Fact]
    public async Task Message_LeaseHeldForSameMessageByDeadWorker_IsTakenOverAndCompleted()
    {
        var installer = RecordingInstaller.Local();
        var host = Host(installer);
        await host.Queue.CreateIfNotExistsAsync();
        var (created, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await ClusterRequests.EnqueueAsync(host.Queue, created);
        // The dead worker's delivery: it leased the document for this message, then stopped heartbeating.
        var delivery = await host.Queue.GetAsync(TimeSpan.Zero);
        await ClusterRequests.PatchAsync(host.Clusters, created.Key, d =>
        {
            d.LeaseOwner = "dead-worker/" + delivery!.MessageId;
            d.LeaseExpires = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        });

        await host.StartAsync();
        var done = await UntilStateAsync(host, created.Key, ProvisioningState.Succeeded);
        await UntilQueueEmptyAsync(host);

        done.LeaseOwner.Should().BeNull();
        done.LastOperation!.Id.Should().Be(operation.Id);
        installer.Calls(created.OpenShiftCluster.Id).Should().Equal(InstallerPhases.Creating);
    }

    [Fact]
    public async Task Message_DeliveredMoreThanMaxDequeueCount_FailsDocumentInsteadOfLooping()
    {
        const int maxDequeueCount = 3;
        var installer = RecordingInstaller.Local();
        var host = Host(installer, new() { ["Backend:MaxDequeueCount"] = maxDequeueCount.ToString() });
        await host.Queue.CreateIfNotExistsAsync();
        var (created, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        await ClusterRequests.EnqueueAsync(host.Queue, created);
        for (var delivery = 0; delivery < maxDequeueCount; delivery++)
        {
            await host.Queue.GetAsync(TimeSpan.Zero);
        }

        await host.StartAsync();
        var failed = await UntilStateAsync(host, created.Key, ProvisioningState.Failed);
        await UntilQueueEmptyAsync(host);
        var ended = await host.Operations.GetAsync(operation.Id);

        failed.OpenShiftCluster.Properties.FailedProvisioningState.Should().Be(ProvisioningState.Creating);
        failed.LastOperation!.Error!.Code.Should().Be(CloudErrorCodes.InternalServerError);
        failed.LeaseOwner.Should().BeNull();
        ended!.AsyncOperation.Status.Should().Be(ProvisioningState.Failed);
        ended.AsyncOperation.Error.Should().BeEquivalentTo(failed.LastOperation.Error);
        installer.Calls(created.OpenShiftCluster.Id).Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_DuringHangingCreate_CancelsCreateAndDeletes()
    {
        var installer = RecordingInstaller.Local(new InstallerOptions { HangAtPhase = InstallerPhases.Pki });
        var host = Host(installer);
        var (created, creation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        var clusterId = created.OpenShiftCluster.Id;
        await ClusterRequests.EnqueueAsync(host.Queue, created);
        await host.StartAsync();
        await Eventually.UntilAsync(() => installer.IsRunning(clusterId, InstallerPhases.Pki), "the create to hang");

        var deletion = await ClusterRequests.DeleteAsync(host.Clusters, host.Operations, created.Key);
        await ClusterRequests.EnqueueAsync(host.Queue, created);
        await Eventually.UntilAsync(() => host.Clusters.GetAsync(created.Key), d => d is null, "the document to be deleted");
        await UntilQueueEmptyAsync(host);
        var canceled = await host.Operations.GetAsync(creation.Id);
        var deleted = await host.Operations.GetAsync(deletion.Id);

        canceled!.AsyncOperation.Status.Should().Be(ProvisioningState.Canceled);
        canceled.AsyncOperation.Error!.Code.Should().Be(CloudErrorCodes.Canceled);
        canceled.AsyncOperation.EndTime.Should().NotBeNull();
        deleted!.AsyncOperation.Status.Should().Be(ProvisioningState.Succeeded);
        installer.Canceled(clusterId).Should().Equal(InstallerPhases.Pki);
        installer.Calls(clusterId).Should().Equal(InstallerPhases.Domain, InstallerPhases.Pki, InstallerPhases.Deprovision);
        installer.RunningCount.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public async Task Work_OwnershipLost_CancelsWithinAHeartbeatAndWritesNothingMore(string name, Loss loss)
    {
        var installer = RecordingInstaller.Local(new InstallerOptions { HangAtPhase = InstallerPhases.Credentials });
        var host = Host(installer);
        var (created, _) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        var clusterId = created.OpenShiftCluster.Id;
        await ClusterRequests.EnqueueAsync(host.Queue, created);
        await host.StartAsync();
        await Eventually.UntilAsync(() => installer.IsRunning(clusterId, InstallerPhases.Credentials), "the create to hang");

        OpenShiftClusterDocument? stolen = null;
        if (loss == Loss.Lease)
        {
            stolen = await ClusterRequests.PatchAsync(host.Clusters, created.Key, d =>
            {
                d.LeaseOwner = "another-worker/another-message";
                d.LeaseExpires = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
            });
        }
        else
        {
            await host.QueueFile.DeleteAllAsync();
        }

        var sinceLoss = Stopwatch.StartNew();
        await Eventually.UntilAsync(() => installer.Canceled(clusterId).Count > 0, "the hanging phase to be canceled");
        sinceLoss.Stop();
        var afterCancel = await host.Clusters.GetAsync(created.Key);
        await host.StopAsync();
        var afterStop = await host.Clusters.GetAsync(created.Key);
        var messages = await host.QueueFile.CountAsync();

        // A lease expiry would take LeaseDuration (5 s); the heartbeat notices within one interval (0.1 s).
        sinceLoss.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), name);
        afterStop!.ETag.Should().Be(afterCancel!.ETag, "the worker writes nothing once it has stopped");
        afterStop.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Creating);
        installer.Calls(clusterId).Should().Equal(InstallerPhases.Domain, InstallerPhases.Pki, InstallerPhases.Credentials);
        installer.RunningCount.Should().Be(0);
        if (stolen is not null)
        {
            afterStop.ETag.Should().Be(stolen.ETag, "no write of the worker is fenced by a lease it lost");
            messages.Should().Be(1, "the message is left for whoever owns the document now");
        }
        else
        {
            messages.Should().Be(0);
        }
    }

    [Fact]
    public async Task Create_FirstPhasesCheckpointed_ResumesAtTheNextPhase()
    {
        var installer = RecordingInstaller.Local();
        var host = Host(installer);
        var (created, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
        var done = InstallerPhases.Creating.Take(3).ToList();
        // What a worker that died after its third phase left behind.
        var earlier = TestClusters.Installer(timeProvider: TimeProvider.System);
        var cluster = created.OpenShiftCluster;
        foreach (var phase in done)
        {
            await earlier.RunPhaseAsync(phase, cluster);
        }

        var checkpointed = await ClusterRequests.PatchAsync(host.Clusters, created.Key, d =>
        {
            d.OpenShiftCluster = cluster;
            d.OpenShiftCluster.Properties.Install.OperationId = operation.Id;
            d.OpenShiftCluster.Properties.Install.CompletedPhases = [.. done];
        });
        await ClusterRequests.EnqueueAsync(host.Queue, checkpointed);

        await host.StartAsync();
        var finished = await UntilStateAsync(host, created.Key, ProvisioningState.Succeeded);

        installer.Calls(cluster.Id).Should().Equal(InstallerPhases.Creating.Skip(3));
        finished.OpenShiftCluster.Properties.Install.CompletedPhases.Should().Equal(InstallerPhases.Creating);
        finished.OpenShiftCluster.Properties.ClusterProfile.Domain.Should().Be(cluster.Properties.ClusterProfile.Domain);
        finished.OpenShiftCluster.Properties.Pki!.CaCertificatePem.Should().Be(cluster.Properties.Pki!.CaCertificatePem);
        finished.OpenShiftCluster.Properties.KubeadminPassword!.Reveal().Should().Be(cluster.Properties.KubeadminPassword!.Reveal());
    }

    [Fact]
    public async Task Backends_TwoOnOneDataDirectoryWithDuplicateMessages_RunEachDocumentOnePhaseAtATime()
    {
        // One installer for both backends, so that it sees every phase of every document.
        var installer = RecordingInstaller.Local(new InstallerOptions { PhaseDuration = TimeSpan.FromMilliseconds(15) });
        var settings = new Dictionary<string, string?> { ["Backend:Workers"] = "3" };
        var first = Host(installer, settings);
        var second = Host(installer, settings);
        var documents = new List<OpenShiftClusterDocument>();
        for (var i = 0; i < 10; i++)
        {
            var (document, _) = await ClusterRequests.CreateAsync(first.Clusters, first.Operations);
            documents.Add(document);
        }

        // At-least-once forwarding: every document is on the queue twice.
        await first.Queue.CreateIfNotExistsAsync();
        foreach (var document in documents.Concat(documents))
        {
            await ClusterRequests.EnqueueAsync(first.Queue, document);
        }

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        foreach (var document in documents)
        {
            await UntilStateAsync(second, document.Key, ProvisioningState.Succeeded);
        }

        await UntilQueueEmptyAsync(first);

        documents.Should().AllSatisfy(d =>
        {
            installer.MaxConcurrent(d.OpenShiftCluster.Id).Should().Be(1);
            installer.Calls(d.OpenShiftCluster.Id).Should().Equal(InstallerPhases.Creating);
        });
    }

    [Fact]
    public async Task Stop_MidPhase_HandsTheDocumentBackForAnotherBackend()
    {
        var hanging = RecordingInstaller.Local(new InstallerOptions { HangAtPhase = InstallerPhases.Kubeconfig });
        var stopping = Host(hanging);
        var (created, operation) = await ClusterRequests.CreateAsync(stopping.Clusters, stopping.Operations);
        var clusterId = created.OpenShiftCluster.Id;
        await ClusterRequests.EnqueueAsync(stopping.Queue, created);
        await stopping.StartAsync();
        await Eventually.UntilAsync(() => hanging.IsRunning(clusterId, InstallerPhases.Kubeconfig), "the create to hang");

        await stopping.StopAsync();
        var handedBack = await stopping.Clusters.GetAsync(created.Key);
        var visible = await stopping.QueueFile.VisibleCountAsync(DateTimeOffset.UtcNow);
        var healthy = RecordingInstaller.Local();
        var next = Host(healthy);
        await next.StartAsync();
        var done = await UntilStateAsync(next, created.Key, ProvisioningState.Succeeded);

        hanging.Canceled(clusterId).Should().Equal(InstallerPhases.Kubeconfig);
        hanging.RunningCount.Should().Be(0);
        (handedBack!.LeaseOwner, handedBack.LeaseExpires).Should().Be((null, null));
        handedBack.OpenShiftCluster.Properties.Install.CompletedPhases.Should().Equal(InstallerPhases.Creating.Take(4));
        visible.Should().Be(1);
        healthy.Calls(clusterId).Should().Equal(InstallerPhases.Kubeconfig, InstallerPhases.Infrastructure);
        done.LastOperation!.Id.Should().Be(operation.Id);
    }

    [Fact]
    public async Task Stop_DuringAPhase_LetsThePhaseFinishThenHandsTheDocumentBack()
    {
        // A phase (1 s) ends well before the work deadline (three quarters of the host's 2 s grace period).
        var slow = RecordingInstaller.Local(new InstallerOptions { PhaseDuration = TimeSpan.FromSeconds(1) });
        var stopping = Host(slow);
        var (created, _) = await ClusterRequests.CreateAsync(stopping.Clusters, stopping.Operations);
        var clusterId = created.OpenShiftCluster.Id;
        await ClusterRequests.EnqueueAsync(stopping.Queue, created);
        await stopping.StartAsync();
        await Eventually.UntilAsync(() => slow.IsRunning(clusterId, InstallerPhases.Creating[1]), "the second phase to run");

        await stopping.StopAsync();
        var handedBack = await stopping.Clusters.GetAsync(created.Key);
        var visible = await stopping.QueueFile.VisibleCountAsync(DateTimeOffset.UtcNow);

        slow.Canceled(clusterId).Should().BeEmpty("the running phase reached its checkpoint");
        slow.Calls(clusterId).Should().Equal(InstallerPhases.Creating.Take(2));
        handedBack!.OpenShiftCluster.Properties.Install.CompletedPhases.Should().Equal(InstallerPhases.Creating.Take(2));
        (handedBack.LeaseOwner, handedBack.LeaseExpires).Should().Be((null, null));
        handedBack.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Creating);
        visible.Should().Be(1, "the message is visible again at once, for another backend");
    }

    private BackendTestHost Host(RecordingInstaller installer, Dictionary<string, string?>? settings = null)
    {
        var host = new BackendTestHost(directory.Path, installer, settings);
        hosts.Add(host);
        return host;
    }

    private static async Task<OpenShiftClusterDocument> UntilStateAsync(BackendTestHost host, string key, ProvisioningState state) =>
        (await Eventually.UntilAsync(
            () => host.Clusters.GetAsync(key),
            d => d?.OpenShiftCluster.Properties.ProvisioningState == state && d.LeaseOwner is null,
            $"{key} to be {state} and released"))!;

    private static Task UntilQueueEmptyAsync(BackendTestHost host) =>
        Eventually.UntilAsync(() => host.QueueFile.CountAsync(), count => count == 0, "every message to be deleted");
}
