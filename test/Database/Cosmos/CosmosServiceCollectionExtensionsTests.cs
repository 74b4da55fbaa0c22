using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database.Cosmos;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosServiceCollectionExtensionsTests(EmulatorsFixture emulators)
{
    [Fact]
    public async Task AddRpCosmosDatabase_ConfiguredEmulator_ResolvesWorkingPortsOfOneDatabase()
    {
        var databaseName = "di-" + Guid.NewGuid().ToString("N");
        var services = new ServiceCollection()
            .AddSingleton(CosmosTestDatabase.NewSerializer())
            .Configure<CosmosOptions>(o =>
            {
                var configured = CosmosTestDatabase.Options(emulators, databaseName);
                o.Endpoint = configured.Endpoint;
                o.Key = configured.Key;
                o.DatabaseName = configured.DatabaseName;
                o.CreateIfNotExists = configured.CreateIfNotExists;
                o.AcceptAnyServerCertificate = configured.AcceptAnyServerCertificate;
            })
            .AddRpCosmosDatabase();
        await using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<CosmosDatabase>();

        var leases = provider.GetRequiredService<ILeases>();
        await leases.CreateAsync(new() { Id = "probe", PartitionKey = "probe" });

        (await database.Leases.GetAsync("probe")).Should().NotBeNull();
        provider.GetRequiredService<IOpenShiftClusters>().Should().BeSameAs(database.OpenShiftClusters);
        provider.GetRequiredService<ISubscriptions>().Should().BeSameAs(database.Subscriptions);
        provider.GetRequiredService<IAsyncOperations>().Should().BeSameAs(database.AsyncOperations);
        await database.Client.GetDatabase(databaseName).DeleteAsync();
    }
}
