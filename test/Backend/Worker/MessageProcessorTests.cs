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

    [Fact]
    public async Task ProcessAsync_RenewalUnansweredUntilTheLeaseCouldRunOut_StopsTheWorkBeforeItDoes()
    {
        // A store that stops answering hangs a renewal rather than failing it: the work must stop
        // on the worker's own clock, before another worker may take the document.
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var time = new Installer.ManualTimeProvider(start);
        var clusters = services.GetRequiredService<IOpenShiftClusters>();
        var document = await clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var queue = new UnansweredRenewalQueue(services.GetRequiredService<IWorkQueue>());
        await queue.PutAsync(new WorkItem { DocumentId = document.Id, PartitionKey = document.PartitionKey }.Serialize());
        var message = await queue.GetAsync(TimeSpan.FromMinutes(1));
        var installer = new InstallerUntilCanceled(time);
        var options = new BackendOptions { HeartbeatInterval = TimeSpan.FromSeconds(1), LeaseDuration = TimeSpan.FromSeconds(10) };
        var processor = new MessageProcessor(clusters, services.GetRequiredService<IAsyncOperations>(), queue, installer, time, Options.Create(options), NullLogger<MessageProcessor>.Instance);

        var processing = processor.ProcessAsync(message!, "worker", CancellationToken.None);
        await Eventually.UntilAsync(() => installer.Running && time.ActiveTimers == 1, "the phase running and the heartbeat waiting");
        time.Advance(options.HeartbeatInterval);
        await Eventually.UntilAsync(() => queue.Renewals == 1 && time.ActiveTimers == 1, "a renewal under way, and its deadline set");
        var leaseExpires = (await clusters.GetAsync(document.Key))!.LeaseExpires!.Value;
        time.Advance(TimeSpan.FromSeconds(6.5));
        installer.CanceledAt.Should().BeNull("the lease is held a while yet");
        time.Advance(TimeSpan.FromSeconds(1));
        await processing.WaitAsync(Eventually.Deadline);

        installer.CanceledAt.Should().NotBeNull().And.BeBefore(leaseExpires, "the work stops before the lease it could not renew runs out");
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

        installer.Running.Should().BeFalse("no phase runs under a lease that could run out at once");
        (await inner.GetAsync(document.Key))!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(document.OpenShiftCluster.Properties.ProvisioningState);
    }

    private sealed class StallingClusters(IOpenShiftClusters inner, Action stall) : IOpenShiftClusters
    {
        public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => inner.GetByIdAsync(partitionKey, id, cancellationToken);

        public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.CreateAsync(document, cancellationToken);

        public async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
        {
            var replaced = await inner.ReplaceAsync(document, cancellationToken);
            stall();
            return replaced;
        }

        public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.DeleteAsync(document, cancellationToken);

        public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default) => inner.ListAsync(partitionKey, keyPrefix, continuation, maxItems, cancellationToken);

        public Task<IReadOnlyList<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, CancellationToken cancellationToken = default) => inner.ListUnqueuedAsync(partitionKey, cancellationToken);

        public Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default) => inner.ReadChangeFeedAsync(continuation, maxItems, cancellationToken);
    }

    private sealed class InstallerUntilCanceled(TimeProvider time) : IClusterInstaller
    {
        public bool Running { get; private set; }

        public DateTimeOffset? CanceledAt { get; private set; }

        public IReadOnlyList<string> PhasesFor(ProvisioningState state) => ["only"];

        public async Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default)
        {
            Running = true;
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                CanceledAt = time.GetUtcNow();
            }
        }
    }

    private sealed class UnansweredRenewalQueue(IWorkQueue inner) : IWorkQueue
    {
        private readonly TaskCompletionSource<string> never = new();
        private int renewals;

        public int Renewals => Volatile.Read(ref renewals);

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public Task PutAsync(string body, CancellationToken cancellationToken = default) => inner.PutAsync(body, cancellationToken);

        public Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => inner.GetAsync(visibilityTimeout, cancellationToken);

        public Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref renewals);
            return never.Task;
        }

        public Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) => inner.DeleteAsync(messageId, popReceipt, cancellationToken);
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
