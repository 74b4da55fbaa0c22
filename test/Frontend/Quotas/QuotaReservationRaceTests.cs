using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Rp.Database.Tests.Emulators;
using Rp.Frontend.Quotas;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Quotas;

/// <summary>
/// The race the subscription document's ETag settles, made to happen every time: two creates both
/// read the subscription and pass the check before either writes its reservation. Only one of the
/// two writes can win; the loser checks again, sees the winner's reservation, and is refused.
/// On both databases.
/// </summary>
[Collection(CosmosEmulatorCollection.Name)]
public sealed class QuotaReservationRaceTests(EmulatorsFixture emulators) : IDisposable
{
    private readonly TempDirectory directory = new();

    public static TheoryData<string> Databases => new() { "Sqlite", "Cosmos" };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task ReserveAsync_TwoCreatesCheckBeforeEitherWrites_OnlyOneFitsUnderALimitOfOne(string database)
    {
        await using var services = Services(database);
        var subscriptionId = Guid.NewGuid().ToString();
        var inner = services.GetRequiredService<ISubscriptions>();
        await inner.CreateAsync(new SubscriptionDocument { Id = subscriptionId, PartitionKey = subscriptionId });
        var subscriptions = new ReadBothFirst(inner);
        var checker = new QuotaChecker(
            subscriptions,
            services.GetRequiredService<IOpenShiftClusters>(),
            TimeProvider.System,
            Options.Create(new QuotaOptions { MaxClustersPerSubscription = 1, MaxVCpusPerRegion = 0 }),
            NullLogger<QuotaChecker>.Instance);

        var outcomes = await Task.WhenAll(new[] { "a", "b" }.Select(name => Task.Run(async () =>
        {
            try
            {
                return await checker.ReserveAsync(new ResourceId(subscriptionId, "rg", name), existing: null, new ClusterFootprint("eastus", 30)) is not null ? "reserved" : "unlimited";
            }
            catch (CloudError e)
            {
                return e.Error.Code;
            }
        })));

        subscriptions.Reads.Should().BeGreaterThanOrEqualTo(3, $"{database}: the loser read the subscription again after its write lost");
        outcomes.Should().BeEquivalentTo(["reserved", "ResourceQuotaExceeded"], database);
        (await inner.GetAsync(subscriptionId))!.QuotaReservations.Should().ContainSingle(database);
    }

    public void Dispose() => directory.Dispose();

    private ServiceProvider Services(string database)
    {
        var settings = database == "Cosmos"
            ? new Dictionary<string, string?>(EmulatorSettings.Cosmos(emulators, "race-")!) { ["Encryption:Keys:0"] = Convert.ToBase64String(new byte[32]) }
            : new Dictionary<string, string?> { ["Rp:DataDir"] = directory.Path };
        var services = new ServiceCollection().AddLogging();
        services.AddRpDatabase(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    /// <summary>Holds the first two writes until two reads have happened: both requests check before either reserves.</summary>
    private sealed class ReadBothFirst(ISubscriptions inner) : ISubscriptions
    {
        private readonly TaskCompletionSource bothRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int reads;

        public int Reads => Volatile.Read(ref reads);

        public async Task<SubscriptionDocument?> GetAsync(string subscriptionId, CancellationToken cancellationToken = default)
        {
            var document = await inner.GetAsync(subscriptionId, cancellationToken);
            if (Interlocked.Increment(ref reads) == 2)
            {
                bothRead.SetResult();
            }

            return document;
        }

        public async Task<SubscriptionDocument> ReplaceAsync(SubscriptionDocument document, CancellationToken cancellationToken = default)
        {
            await bothRead.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return await inner.ReplaceAsync(document, cancellationToken);
        }

        public Task<ConditionalRead<SubscriptionDocument>> GetIfChangedAsync(string subscriptionId, DocumentVersion? known, CancellationToken cancellationToken = default) => inner.GetIfChangedAsync(subscriptionId, known, cancellationToken);

        public Task<SubscriptionDocument> CreateAsync(SubscriptionDocument document, CancellationToken cancellationToken = default) => inner.CreateAsync(document, cancellationToken);

        public Task<IReadOnlyList<SubscriptionDocument>> ListAllAsync(CancellationToken cancellationToken = default) => inner.ListAllAsync(cancellationToken);
    }
}
