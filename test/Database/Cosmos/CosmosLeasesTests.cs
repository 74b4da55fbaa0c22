using FluentAssertions;
using Microsoft.Azure.Cosmos;
using Rp.Database.Cosmos;
using Rp.Database.Documents;
using Rp.Database.Tests.Conformance;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosLeasesTests(EmulatorsFixture emulators) : LeasesConformanceTests
{
    private ILeases Leases => Database.Leases;

    protected override async Task<IDatabaseUnderTest> CreateDatabaseAsync() => await CosmosTestDatabase.CreateAsync(emulators);

    protected override IReadOnlySet<string> StoreFields => CosmosTestDatabase.SystemProperties;

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
