using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rp.Database;
using Rp.Database.Serialization;
using Rp.Database.Sqlite;
using Rp.Database.Tests;
using Rp.Database.Tests.Conformance;
using Rp.Env;
using Rp.Queue.Sqlite;
using Xunit;

namespace Rp.Queue.Tests.Forwarder;

public sealed class ForwarderLeadershipTests : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    private readonly TempDirectory dir = new();
    private readonly ManualTimeProvider time = new();
    private ServiceProvider services = null!;

    private IOpenShiftClusters Clusters => services.GetRequiredService<IOpenShiftClusters>();

    public static TheoryData<string, bool> Batches => new()
    {
        { "change feed", false },
        { "start-up sweep", true },
    };

    public Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddSingleton(Options.Create(new DatabaseOptions()))
            .AddSingleton(Options.Create(new RpOptions { DataDir = dir.Path }))
            .AddSingleton(Options.Create(new QueueOptions()))
            .AddSingleton<ISecretProtector>(_ => new AesGcmSecretProtector([RandomNumberGenerator.GetBytes(32)]))
            .AddSingleton<DocumentSerializer>()
            .AddSingleton<TimeProvider>(time)
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

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Forward_AnotherInstanceTakesTheLeadMidBatch_StopsForwarding(string name, bool sweep)
    {
        var keys = await CreateUnqueuedAsync(3);
        var other = new LeaderLease(services.GetRequiredService<ILeases>(), time, Queue.Forwarder.Forwarder.LeaseName, "other", LeaseDuration);

        // The first put takes longer than the lease, and another instance takes the lead meanwhile.
        var queue = new StallingQueue(services.GetRequiredService<IWorkQueue>(), async () =>
        {
            time.Advance(LeaseDuration + TimeSpan.FromSeconds(1));
            (await other.TryAcquireOrRenewAsync()).Should().BeTrue(name);
        });
        var forwarder = NewForwarder(queue);

        await ForwardAsync(forwarder, sweep);

        queue.Puts.Should().Be(1, $"{name}: nothing is forwarded once the lead is lost");
        (await UnqueuedAsync(keys)).Should().Be(2, name);
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public async Task Forward_BatchOutlastsTheLease_KeepsTheLeadAndForwardsEverything(string name, bool sweep)
    {
        var keys = await CreateUnqueuedAsync(3);
        var other = new LeaderLease(services.GetRequiredService<ILeases>(), time, Queue.Forwarder.Forwarder.LeaseName, "other", LeaseDuration);

        // Each put takes most of the lease: the three together outlast it.
        var queue = new StallingQueue(services.GetRequiredService<IWorkQueue>(), () =>
        {
            time.Advance(LeaseDuration * 3 / 4);
            return Task.CompletedTask;
        });
        var forwarder = NewForwarder(queue);

        await ForwardAsync(forwarder, sweep);

        queue.Puts.Should().Be(3, name);
        (await UnqueuedAsync(keys)).Should().Be(0, name);
        (await other.TryAcquireOrRenewAsync()).Should().BeFalse($"{name}: the lease was renewed between documents");
    }

    [Fact]
    public async Task Sweep_MoreUnqueuedDocumentsThanABatch_ForwardsEveryOneOnceABatchAtATime()
    {
        var keys = await CreateUnqueuedAsync(5);
        var queue = new StallingQueue(services.GetRequiredService<IWorkQueue>(), () => Task.CompletedTask);
        var forwarder = NewForwarder(queue, batchSize: 2);

        await forwarder.SweepAsync(CancellationToken.None);

        queue.Puts.Should().Be(5);
        (await UnqueuedAsync(keys)).Should().Be(0);
    }

    private static async Task ForwardAsync(Queue.Forwarder.Forwarder forwarder, bool sweep)
    {
        if (sweep)
        {
            await forwarder.SweepAsync(CancellationToken.None);
        }
        else
        {
            await forwarder.ForwardChangesAsync(CancellationToken.None);
        }
    }

    private Queue.Forwarder.Forwarder NewForwarder(IWorkQueue queue, int batchSize = 100) => new(
        Clusters,
        services.GetRequiredService<ISubscriptions>(),
        services.GetRequiredService<ILeases>(),
        queue,
        time,
        Options.Create(new Queue.Forwarder.ForwarderOptions { LeaseDuration = LeaseDuration, BatchSize = batchSize }),
        NullLogger<Queue.Forwarder.Forwarder>.Instance);

    private async Task<List<string>> CreateUnqueuedAsync(int count)
    {
        var subscription = TestDocuments.Subscription();
        await services.GetRequiredService<ISubscriptions>().CreateAsync(subscription);
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = await Clusters.CreateAsync(TestDocuments.Cluster(subscription.Id));
            keys.Add(created.Key);
        }

        return keys;
    }

    private async Task<int> UnqueuedAsync(IEnumerable<string> keys)
    {
        var count = 0;
        foreach (var key in keys)
        {
            count += (await Clusters.GetAsync(key))!.Unqueued ? 1 : 0;
        }

        return count;
    }

    /// <summary>The real queue, with something happening during each put (time passing, another instance acting).</summary>
    private sealed class StallingQueue(IWorkQueue inner, Func<Task> duringPut) : IWorkQueue
    {
        public int Puts { get; private set; }

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

        public async Task PutAsync(string body, CancellationToken cancellationToken = default)
        {
            await inner.PutAsync(body, cancellationToken);
            Puts++;
            await duringPut();
        }

        public Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => inner.GetAsync(visibilityTimeout, cancellationToken);

        public Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
            inner.UpdateVisibilityAsync(messageId, popReceipt, visibilityTimeout, cancellationToken);

        public Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) => inner.DeleteAsync(messageId, popReceipt, cancellationToken);

        public Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default) => inner.GetStatusAsync(maxDequeueCount, cancellationToken);
    }
}
