using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rp.Database.Serialization;
using Rp.Database.Sqlite;
using Rp.Database.Tests.Conformance;
using Rp.Env;

namespace Rp.Database.Tests.Sqlite;

/// <summary>
/// The embedded database wired as the host wires it (<see cref="SqliteServiceCollectionExtensions.AddRpSqliteDatabase"/>).
/// Instances opened on one data directory share its file as separate processes would; the one
/// that owns a <see cref="TempDirectory"/> deletes it on dispose.
/// </summary>
internal sealed class SqliteDatabaseUnderTest : IDatabaseUnderTest
{
    // One key for every instance, so that any of them reads what another wrote.
    private static readonly byte[] EncryptionKey = RandomNumberGenerator.GetBytes(32);

    private readonly ServiceProvider services;
    private readonly TempDirectory? ownedDirectory;

    private SqliteDatabaseUnderTest(string dataDir, TimeProvider? timeProvider, TempDirectory? ownedDirectory)
    {
        this.ownedDirectory = ownedDirectory;
        DataDir = dataDir;
        var collection = new ServiceCollection()
            .AddSingleton(Options.Create(new DatabaseOptions()))
            .AddSingleton(Options.Create(new RpOptions { DataDir = dataDir }))
            .AddSingleton<ISecretProtector>(_ => new AesGcmSecretProtector([EncryptionKey]))
            .AddSingleton<DocumentSerializer>();
        if (timeProvider is not null)
        {
            collection.AddSingleton(timeProvider);
        }

        services = collection.AddRpSqliteDatabase().BuildServiceProvider();
    }

    public string DataDir { get; }

    public string DatabasePath => Path.Combine(DataDir, SqliteDocumentStore.FileName);

    public IOpenShiftClusters OpenShiftClusters => services.GetRequiredService<IOpenShiftClusters>();

    public ISubscriptions Subscriptions => services.GetRequiredService<ISubscriptions>();

    public IAsyncOperations AsyncOperations => services.GetRequiredService<IAsyncOperations>();

    public ILeases Leases => services.GetRequiredService<ILeases>();

    /// <summary>A database in a new temporary directory, deleted on dispose.</summary>
    public static SqliteDatabaseUnderTest CreateTemporary(TimeProvider? timeProvider = null)
    {
        var directory = new TempDirectory();
        return new(directory.Path, timeProvider, directory);
    }

    public IDatabaseUnderTest OpenAnotherClient() => Open(DataDir);

    /// <summary>Another store on an existing data directory, as a second process would open it.</summary>
    public static SqliteDatabaseUnderTest Open(string dataDir, TimeProvider? timeProvider = null) => new(dataDir, timeProvider, null);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        ownedDirectory?.Dispose();
    }
}
