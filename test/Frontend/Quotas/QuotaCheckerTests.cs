using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Rp.Frontend.Quotas;
using Xunit;

namespace Rp.Frontend.Tests.Quotas;

/// <summary>
/// The quota check without HTTP (as preflight calls it), on the embedded database and a manual
/// clock: what counts as in use, and for how long a reservation does.
/// </summary>
public sealed class QuotaCheckerTests : IDisposable
{
    private static readonly ResourceId Requested = new(Guid.NewGuid().ToString(), "rg", "requested");

    private readonly TempDirectory directory = new();
    private readonly ManualTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider services;

    public QuotaCheckerTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rp:DataDir"] = directory.Path,
            ["Quota:MaxClustersPerSubscription"] = "1",
            ["Quota:MaxVCpusPerRegion"] = "0",
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        collection.AddRpDatabase(configuration);
        collection.AddRpFrontend(configuration);
        services = collection.BuildServiceProvider();
    }

    public static TheoryData<string, string, TimeSpan, bool> Reservations => new()
    {
        { "another cluster's reservation, just made", "other", TimeSpan.Zero, false },
        { "another cluster's reservation, about to lapse", "other", QuotaChecker.ReservationLifetime - TimeSpan.FromSeconds(1), false },
        { "another cluster's reservation, lapsed", "other", QuotaChecker.ReservationLifetime, true },
        { "the cluster's own reservation", "requested", TimeSpan.Zero, true },
    };

    private QuotaChecker Checker => services.GetRequiredService<QuotaChecker>();

    [Theory]
    [MemberData(nameof(Reservations))]
    public async Task CheckAsync_AReservationAndNoClusterDocument_CountsWhileItLasts(string name, string reservedFor, TimeSpan age, bool allowed)
    {
        await services.GetRequiredService<ISubscriptions>().CreateAsync(new SubscriptionDocument
        {
            Id = Requested.PartitionKey,
            PartitionKey = Requested.PartitionKey,
            QuotaReservations =
            [
                new QuotaReservation
                {
                    Id = Guid.NewGuid().ToString(),
                    ClusterKey = (Requested with { Name = reservedFor }).Key,
                    Location = "eastus",
                    VCpus = 30,
                    ReservedAt = clock.GetUtcNow(),
                },
            ],
        });
        clock.Advance(age);

        var check = () => Checker.CheckAsync(Requested, existing: null, Cluster());

        if (allowed)
        {
            await check.Should().NotThrowAsync(name);
        }
        else
        {
            (await check.Should().ThrowAsync<CloudError>(name)).Which.Error.Code.Should().Be("ResourceQuotaExceeded");
        }
    }

    [Fact]
    public async Task EnsureCurrent_ReservationOutlivedBeforeTheWrite_TheRequestStartsOver()
    {
        await services.GetRequiredService<ISubscriptions>().CreateAsync(new SubscriptionDocument { Id = Requested.PartitionKey, PartitionKey = Requested.PartitionKey });
        var reservation = await Checker.ReserveAsync(Requested, existing: null, ClusterFootprint.Of(Cluster()));

        Checker.EnsureCurrent(reservation);
        clock.Advance(QuotaChecker.ReservationLifetime);
        var late = () => Checker.EnsureCurrent(reservation);

        reservation.Should().NotBeNull();
        late.Should().Throw<PreconditionFailedException>();
    }

    public void Dispose()
    {
        services.Dispose();
        directory.Dispose();
    }

    private static OpenShiftCluster Cluster() => new()
    {
        Id = Requested.ToString(),
        Location = "eastus",
        Properties = new OpenShiftClusterProperties
        {
            MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3" },
            WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D2s_v3", Count = 3 }],
        },
    };
}
