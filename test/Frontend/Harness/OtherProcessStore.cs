using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// The RP's database as another process opens it: same settings and data directory (so the same
/// SQLite file or Cosmos DB database, and the same encryption key), services of its own. What it
/// writes reaches the RP under test only through the store.
/// </summary>
public sealed class OtherProcessStore : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public OtherProcessStore(RpFactory factory, IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .AddInMemoryCollection([new("Rp:DataDir", factory.DataDir)])
            .Build();
        services = new ServiceCollection().AddLogging().AddRpDatabase(configuration).BuildServiceProvider();
    }

    public IOpenShiftClusters Clusters => services.GetRequiredService<IOpenShiftClusters>();

    public ISubscriptions Subscriptions => services.GetRequiredService<ISubscriptions>();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
