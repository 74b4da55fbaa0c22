using FluentAssertions;
using Rp.Api;
using Rp.Database.Documents;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosAsyncOperationsTests(EmulatorsFixture emulators) : IAsyncLifetime
{
    private readonly Clock clock = new(DateTimeOffset.UtcNow);
    private CosmosTestDatabase test = null!;

    private IAsyncOperations Operations => test.Database.AsyncOperations;

    public async Task InitializeAsync() => test = await CosmosTestDatabase.CreateAsync(emulators, clock);

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task ReplaceAsync_CurrentETag_StoresChange()
    {
        var created = await Operations.CreateAsync(Operation(ttl: AsyncOperationDocument.DefaultTtlSeconds));
        created.AsyncOperation.Status = ProvisioningState.Succeeded;

        await Operations.ReplaceAsync(created);

        (await Operations.GetAsync(created.Id))!.AsyncOperation.Status.Should().Be(ProvisioningState.Succeeded);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailed()
    {
        var created = await Operations.CreateAsync(Operation(ttl: AsyncOperationDocument.DefaultTtlSeconds));
        var stale = (await Operations.GetAsync(created.Id))!;
        await Operations.ReplaceAsync(created);

        var replace = () => Operations.ReplaceAsync(stale);

        await replace.Should().ThrowAsync<PreconditionFailedException>();
    }

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
