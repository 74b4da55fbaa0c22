using FluentAssertions;
using Rp.Api;
using Rp.Database.Documents;
using Rp.Database.Tests.Conformance;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosAsyncOperationsTests(EmulatorsFixture emulators) : AsyncOperationsConformanceTests
{
    private readonly Clock clock = new(DateTimeOffset.UtcNow);

    private IAsyncOperations Operations => Database.AsyncOperations;

    protected override async Task<IDatabaseUnderTest> CreateDatabaseAsync() => await CosmosTestDatabase.CreateAsync(emulators, clock);

    protected override IReadOnlySet<string> StoreFields => CosmosTestDatabase.SystemProperties;

    public static TheoryData<string, int, TimeSpan, bool> Expiry => new()
    {
        { "within its ttl", 3600, TimeSpan.FromMinutes(59), true },
        { "past its ttl", 3600, TimeSpan.FromMinutes(61), false },
        { "ttl -1 never expires", -1, TimeSpan.FromDays(365), true },
    };

    [Theory]
    [MemberData(nameof(Expiry))]
    public async Task GetAsync_AfterSomeTime_ReturnsDocumentOnlyWithinItsTtl(string name, int ttl, TimeSpan later, bool found)
    {
        var created = await Operations.CreateAsync(Operation(ttl));
        clock.Now = DateTimeOffset.UtcNow + later;

        var read = await Operations.GetAsync(created.Id);

        (read is not null).Should().Be(found, name);
    }

    private static AsyncOperationDocument Operation(int ttl)
    {
        var id = Guid.NewGuid().ToString();
        return new AsyncOperationDocument
        {
            Id = id,
            PartitionKey = id,
            Ttl = ttl,
            OpenShiftClusterKey = new ResourceId("00000000-0000-0000-0000-000000000001", "rg", "cluster").Key,
            InitialProvisioningState = ProvisioningState.Creating,
            AsyncOperation = new AsyncOperation { Id = id, Name = id, Status = ProvisioningState.Creating, StartTime = DateTimeOffset.UtcNow },
        };
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
