using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Backend.Installer;
using Rp.Backend.Worker;
using Rp.Database;
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
