using FluentAssertions;
using Microsoft.Azure.Cosmos;
using Rp.Database.Cosmos;
using Rp.Database.Documents;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosLeasesTests(EmulatorsFixture emulators) : IAsyncLifetime
{
    private CosmosTestDatabase test = null!;

    private ILeases Leases => test.Database.Leases;

    public async Task InitializeAsync() => test = await CosmosTestDatabase.CreateAsync(emulators);

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task ReplaceAsync_TwoOwnersFromOneRead_SecondThrowsPreconditionFailed()
    {
        await Leases.CreateAsync(new LeaseDocument { Id = "forwarder", PartitionKey = "forwarder" });
        var readByA = (await Leases.GetAsync("forwarder"))!;
        var readByB = (await Leases.GetAsync("forwarder"))!;
        readByA.Owner = "a";
        readByB.Owner = "b";

        await Leases.ReplaceAsync(readByA);
        var replace = () => Leases.ReplaceAsync(readByB);

        await replace.Should().ThrowAsync<PreconditionFailedException>();
        (await Leases.GetAsync("forwarder"))!.Owner.Should().Be("a");
    }

    [Fact]
    public async Task CreateAsync_ExistingLease_ThrowsConflict()
    {
        await Leases.CreateAsync(new LeaseDocument { Id = "forwarder", PartitionKey = "forwarder" });

        var create = () => Leases.CreateAsync(new LeaseDocument { Id = "forwarder", PartitionKey = "forwarder", Owner = "b" });

        await create.Should().ThrowAsync<ConflictException>();
        (await Leases.GetAsync("checkpoint")).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_DatabaseNotCreated_ThrowsInsteadOfReportingNoDocument()
    {
        var options = CosmosTestDatabase.Options(emulators, "missing-" + Guid.NewGuid().ToString("N"));
        options.CreateIfNotExists = false;
        using var database = new CosmosDatabase(options, CosmosTestDatabase.NewSerializer(), TimeProvider.System);

        var get = () => database.Leases.GetAsync("forwarder");

        await get.Should().ThrowAsync<CosmosException>();
    }
}
