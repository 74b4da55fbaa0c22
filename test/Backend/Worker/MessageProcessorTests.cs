using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Backend.Installer;
using Rp.Backend.Worker;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Serialization;
using Rp.Database.Sqlite;
using Rp.Database.Tests;
using Rp.Database.Tests.Conformance;
using Rp.Env;
using Rp.Queue;
using Rp.Queue.Sqlite;
using Xunit;

namespace Rp.Backend.Tests.Worker;

public sealed class MessageProcessorTests : IAsyncLifetime
{
    private readonly TempDirectory dir = new();
    private ServiceProvider services = null!;

    public Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddSingleton(Options.Create(new DatabaseOptions()))
            .AddSingleton(Options.Create(new RpOptions { DataDir = dir.Path }))
            .AddSingleton(Options.Create(new QueueOptions()))
            .AddSingleton<ISecretProtector>(_ => new AesGcmSecretProtector([RandomNumberGenerator.GetBytes(32)]))
            .AddSingleton<DocumentSerializer>()
            .AddRpSqliteDatabase()
            .AddRpSqliteQueue()
            .BuildServiceProvider();
        return services.GetRequiredService<IWorkQueue>().CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task ProcessAsync_WorkEndsWhileAHeartbeatIsInFlight_DeletesTheMessage()
    {
        var clusters = services.GetRequiredService<IOpenShiftClusters>();
        var document = await clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The queue applies a renewal (and so issues a new pop receipt) well before its answer arrives.
        var queue = new SlowRenewalQueue(services.GetRequiredService<IWorkQueue>(), TimeSpan.FromMilliseconds(300), renewed);
        await queue.PutAsync(new WorkItem { DocumentId = document.Id, PartitionKey = document.PartitionKey }.Serialize());
        var message = await queue.GetAsync(TimeSpan.FromMinutes(1));

        // The one phase ends as soon as the queue has applied the first renewal, so the work ends
        // while that renewal's answer is still on its way.
        var processor = new MessageProcessor(
            clusters,
            services.GetRequiredService<IAsyncOperations>(),
            queue,
            new InstallerWaitingFor(renewed.Task),
            TimeProvider.System,
            Options.Create(new BackendOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50), LeaseDuration = TimeSpan.FromMinutes(1) }),
            NullLogger<MessageProcessor>.Instance);
        await processor.ProcessAsync(message!, "worker", CancellationToken.None);

        (await clusters.GetAsync(document.Key))!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded);
        queue.Deleted.Should().BeTrue("the message of finished work is deleted, with the pop receipt of the last renewal");
    }

    // Fencing keeps a worker whose lease ran out from writing, but not from working on: when its
    // heartbeat cannot renew the lease in time (a queue that does not answer, a starved process),
    // it must stop before another worker may take the document.
    [Fact]
    public async Task ProcessAsync_HeartbeatCannotRenewTheLease_StopsTheWorkBeforeTheLeaseRunsOut()
    {
        var time = new Installer.ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clusters = services.GetRequiredService<IOpenShiftClusters>();
        var document = await clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var queue = new UnansweredRenewalQueue(services.GetRequiredService<IWorkQueue>());
        await queue.PutAsync(new WorkItem { DocumentId = document.Id, PartitionKey = document.PartitionKey }.Serialize());
        var message = await queue.GetAsync(TimeSpan.FromMinutes(1));
        var installer = new InstallerUntilCanceled(time);
        var options = new BackendOptions { HeartbeatInterval = TimeSpan.FromSeconds(10), LeaseDuration = TimeSpan.FromMinutes(1) };
        var processor = new MessageProcessor(clusters, services.GetRequiredService<IAsyncOperations>(), queue, installer, time, Options.Create(options), NullLogger<MessageProcessor>.Instance);

        var processing = processor.ProcessAsync(message!, "worker", CancellationToken.None);
        await installer.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var leaseExpires = (await clusters.GetAsync(document.Key))!.LeaseExpires!.Value;
        time.Advance(options.HeartbeatInterval);
        await queue.RenewalAsked.WaitAsync(TimeSpan.FromSeconds(30));
        while (!installer.Canceled.IsCompleted && time.GetUtcNow() < leaseExpires + options.LeaseDuration)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var stoppedAt = await installer.Canceled.WaitAsync(TimeSpan.FromSeconds(30));
        queue.Answer();
        await processing.WaitAsync(TimeSpan.FromSeconds(30));

        stoppedAt.Should().BeBefore(leaseExpires, "another worker may take the document once its lease runs out");
        (await clusters.GetAsync(document.Key))!.LeaseExpires.Should().Be(leaseExpires, "the heartbeat never renewed it");
        queue.Deleted.Should().BeFalse("the work did not finish: the message comes back");
    }

    // The message's visibility was set when it was received, the lease when it was taken: if the
    // store stalled in between, the message comes back (and another worker takes the lease over,
    // as it is for this very message) before the lease runs out. The work must stop before that.
    [Fact]
    public async Task ProcessAsync_MessageVisibleAgainBeforeTheLeaseRunsOut_StopsTheWorkBeforeItIs()
    {
        var time = new Installer.ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clusters = services.GetRequiredService<IOpenShiftClusters>();
        var document = await clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var queue = services.GetRequiredService<IWorkQueue>();
        await queue.PutAsync(new WorkItem { DocumentId = document.Id, PartitionKey = document.PartitionKey }.Serialize());
        var visibleAgain = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        var message = (await queue.GetAsync(TimeSpan.FromMinutes(1)))! with { NextVisibleOn = visibleAgain };
        var installer = new InstallerUntilCanceled(time);
        var options = new BackendOptions { HeartbeatInterval = TimeSpan.FromSeconds(9), LeaseDuration = TimeSpan.FromSeconds(10) };
        var processor = new MessageProcessor(clusters, services.GetRequiredService<IAsyncOperations>(), queue, installer, time, Options.Create(options), NullLogger<MessageProcessor>.Instance);

        var processing = processor.ProcessAsync(message, "worker", CancellationToken.None);
        await installer.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var leaseExpires = (await clusters.GetAsync(document.Key))!.LeaseExpires!.Value;
        while (!installer.Canceled.IsCompleted && time.GetUtcNow() < leaseExpires)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
        }

        var stoppedAt = await installer.Canceled.WaitAsync(TimeSpan.FromSeconds(30));
        await processing.WaitAsync(TimeSpan.FromSeconds(30));

        leaseExpires.Should().BeAfter(visibleAgain, "the lease alone would have let the work go on");
        stoppedAt.Should().BeBefore(visibleAgain, "once the message is visible again another worker may take it, and the lease with it");
    }

    [Fact]
    public async Task ProcessAsync_LeaseTakenTooLateToWorkUnder_LeavesTheDocumentAlone()
    {
        // The store stalled while the lease was being taken: by the time it is, it could run out at
        // once (and the message, hidden only as long, may be another worker's already).
        var time = new Installer.ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new BackendOptions { HeartbeatInterval = TimeSpan.FromSeconds(1), LeaseDuration = TimeSpan.FromSeconds(10) };
        var inner = services.GetRequiredService<IOpenShiftClusters>();
        var document = await inner.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var clusters = new StallingClusters(inner, () => time.Advance(TimeSpan.FromSeconds(9)));
        var queue = services.GetRequiredService<IWorkQueue>();
        await queue.PutAsync(new WorkItem { DocumentId = document.Id, PartitionKey = document.PartitionKey }.Serialize());
        var message = await queue.GetAsync(TimeSpan.FromMinutes(1));
        var installer = new InstallerUntilCanceled(time);
        var processor = new MessageProcessor(clusters, services.GetRequiredService<IAsyncOperations>(), queue, installer, time, Options.Create(options), NullLogger<MessageProcessor>.Instance);

        await processor.ProcessAsync(message!, "worker", CancellationToken.None).WaitAsync(Eventually.Deadline);

        installer.Started.IsCompleted.Should().BeFalse("no phase runs under a lease that could run out at once");
        (await inner.GetAsync(document.Key))!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(document.OpenShiftCluster.Properties.ProvisioningState);
    }

    [Fact]
    public async Task ProcessAsync_ResourceDeletedAndCreatedAgainBeforeTheLease_LeavesTheNewDocumentToItsOwnMessage()
    {
        // The message's document is read; before the lease is written, the resource is deleted and
        // created again under the same name (its new document waits for the forwarder). The message
        // is done with: leasing the new document for it would clear the flag that asks for the new
        // document's own message, and the next delivery of this one finds its document gone.
        var inner = services.GetRequiredService<IOpenShiftClusters>();
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var first = await inner.CreateAsync(TestDocuments.Cluster(subscriptionId, name: "recreated"));
        OpenShiftClusterDocument? second = null;
        var clusters = new BeforeFirstWriteClusters(inner, async () =>
        {
            await inner.DeleteAsync((await inner.GetByIdAsync(first.PartitionKey, first.Id))!);
            second = await inner.CreateAsync(TestDocuments.Cluster(subscriptionId, name: "recreated"));
        });
        var queue = services.GetRequiredService<IWorkQueue>();
        await queue.PutAsync(new WorkItem { DocumentId = first.Id, PartitionKey = first.PartitionKey }.Serialize());
        var message = await queue.GetAsync(TimeSpan.FromMinutes(1));
        var installer = RecordingInstaller.Local();
        var processor = new MessageProcessor(clusters, services.GetRequiredService<IAsyncOperations>(), queue, installer, TimeProvider.System, Options.Create(new BackendOptions()), NullLogger<MessageProcessor>.Instance);

        await processor.ProcessAsync(message!, "worker", CancellationToken.None).WaitAsync(Eventually.Deadline);

        var stored = await inner.GetAsync(first.Key);
        stored!.Id.Should().Be(second!.Id);
        stored.LeaseOwner.Should().BeNull();
        stored.Unqueued.Should().BeTrue("the new document still asks for its own message");
        stored.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Creating, "no worker drove the new document for the old one's message");
        installer.Calls(first.OpenShiftCluster.Id).Should().BeEmpty();
        (await queue.GetAsync(TimeSpan.FromMinutes(1))).Should().BeNull("the old document's message is deleted");
    }

    /// <summary>The store, with something done around its writes.</summary>
    private abstract class DelegatingClusters(IOpenShiftClusters inner) : IOpenShiftClusters
    {
        public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default) => inner.GetIfChangedAsync(key, known, cancellationToken);

        public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => inner.GetByIdAsync(partitionKey, id, cancellationToken);

        public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.CreateAsync(document, cancellationToken);

        public virtual Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.ReplaceAsync(document, cancellationToken);

        public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.DeleteAsync(document, cancellationToken);

        public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default) => inner.ListAsync(partitionKey, keyPrefix, continuation, maxItems, cancellationToken);

        public Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default) => inner.ListUnqueuedAsync(partitionKey, continuation, maxItems, cancellationToken);

        public Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default) => inner.ReadChangeFeedAsync(continuation, maxItems, unqueuedOnly, cancellationToken);
    }

    /// <summary>Every write is answered only after <c>stall</c> (which may move the clock on).</summary>
    private sealed class StallingClusters(IOpenShiftClusters inner, Action stall) : DelegatingClusters(inner)
    {
        public override async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
        {
            var replaced = await base.ReplaceAsync(document, cancellationToken);
            stall();
            return replaced;
        }
    }

    /// <summary>Runs <c>before</c> once, just before the first write reaches the store.</summary>
    private sealed class BeforeFirstWriteClusters(IOpenShiftClusters inner, Func<Task> before) : DelegatingClusters(inner)
    {
        private Func<Task>? before = before;

        public override async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref before, null) is { } run)
            {
                await run();
            }

            return await base.ReplaceAsync(document, cancellationToken);
        }
    }

    private sealed class InstallerUntilCanceled(TimeProvider time) : IClusterInstaller
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<DateTimeOffset> canceled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => started.Task;

        /// <summary>
        /// The clock's time when the phase was canceled: taken in the cancellation itself (during the
        /// clock's advance that fired it), not when the phase's continuation got to run, by which
        /// time a test's loop may have moved the clock further.
        /// </summary>
        public Task<DateTimeOffset> Canceled => canceled.Task;

        public IReadOnlyList<string> PhasesFor(ProvisioningState state) => ["only"];

        public async Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default)
        {
            using var stopped = cancellationToken.Register(() => canceled.TrySetResult(time.GetUtcNow()));
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            finally
            {
                canceled.TrySetResult(time.GetUtcNow());
            }
        }
    }

    private sealed class UnansweredRenewalQueue(IWorkQueue inner) : IWorkQueue
    {
        private readonly TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task RenewalAsked => asked.Task;

        public bool Deleted { get; private set; }

        public void Answer() => answer.TrySetResult();

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public Task PutAsync(string body, CancellationToken cancellationToken = default) => inner.PutAsync(body, cancellationToken);

        public Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => inner.GetAsync(visibilityTimeout, cancellationToken);

        public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
        {
            asked.TrySetResult();
            await answer.Task;
            throw new MessageLostException("the queue answered too late");
        }

        public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
        {
            await inner.DeleteAsync(messageId, popReceipt, cancellationToken);
            Deleted = true;
        }

        public Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default) => inner.GetStatusAsync(maxDequeueCount, cancellationToken);
    }

    private sealed class InstallerWaitingFor(Task done) : IClusterInstaller
    {
        public IReadOnlyList<string> PhasesFor(ProvisioningState state) => ["only"];

        public Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default) => done.WaitAsync(cancellationToken);
    }

    private sealed class SlowRenewalQueue(IWorkQueue inner, TimeSpan answerDelay, TaskCompletionSource renewed) : IWorkQueue
    {
        public bool Deleted { get; private set; }

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public Task PutAsync(string body, CancellationToken cancellationToken = default) => inner.PutAsync(body, cancellationToken);

        public Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => inner.GetAsync(visibilityTimeout, cancellationToken);

        public Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default) => inner.GetStatusAsync(maxDequeueCount, cancellationToken);

        public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
        {
            var receipt = await inner.UpdateVisibilityAsync(messageId, popReceipt, visibilityTimeout, CancellationToken.None);
            renewed.TrySetResult();
            await Task.Delay(answerDelay, cancellationToken);
            return receipt;
        }

        public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
        {
            await inner.DeleteAsync(messageId, popReceipt, cancellationToken);
            Deleted = true;
        }

    }
}
