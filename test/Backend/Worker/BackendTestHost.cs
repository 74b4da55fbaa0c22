using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rp.Backend.Installer;
using Rp.Database;
using Rp.Queue;

namespace Rp.Backend.Tests.Worker;

/// <summary>
/// One backend "process" on a data directory, wired as the host wires it (AddRpDatabase,
/// AddRpQueue, AddRpBackend and optionally AddRpForwarder) from in-memory settings: its own
/// service provider, so its own SQLite database and queue instances. Several hosts on one data
/// directory share the files as separate processes would.
/// </summary>
internal sealed class BackendTestHost : IAsyncDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Long next to the heartbeat, so that a test can tell a heartbeat's effect from an expiry's.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    // One key for every host, so that any of them reads the secrets another wrote.
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly ServiceProvider services;
    private List<IHostedService>? started;

    public BackendTestHost(string dataDir, RecordingInstaller installer, IDictionary<string, string?>? settings = null, bool forwarder = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["Rp:DataDir"] = dataDir,
            ["Encryption:Keys:0"] = EncryptionKey,
            ["Backend:Workers"] = "2",
            ["Backend:LeaseDuration"] = Setting(LeaseDuration),
            ["Backend:HeartbeatInterval"] = Setting(HeartbeatInterval),
            ["Backend:PollInterval"] = Setting(TimeSpan.FromMilliseconds(20)),
            ["Backend:RetryBackoff"] = Setting(TimeSpan.FromMilliseconds(200)),
            ["Backend:CascadeInterval"] = Setting(TimeSpan.FromMilliseconds(100)),
            ["Forwarder:LeaseDuration"] = Setting(LeaseDuration),
            ["Forwarder:PollInterval"] = Setting(TimeSpan.FromMilliseconds(20)),

            // A stopping host waits for running phases to reach a checkpoint at most this long (three quarters of it).
            ["Drain:GracePeriod"] = Setting(TimeSpan.FromSeconds(2)),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClusterInstaller>(installer)
            .AddRpDatabase(configuration)
            .AddRpQueue(configuration)
            .AddRpBackend(configuration);
        if (forwarder)
        {
            collection.AddRpForwarder(configuration);
        }

        services = collection.BuildServiceProvider();
        QueueFile = new QueueFile(dataDir);
    }

    public IOpenShiftClusters Clusters => services.GetRequiredService<IOpenShiftClusters>();

    public IAsyncOperations Operations => services.GetRequiredService<IAsyncOperations>();

    public ISubscriptions Subscriptions => services.GetRequiredService<ISubscriptions>();

    public IWorkQueue Queue => services.GetRequiredService<IWorkQueue>();

    public QueueFile QueueFile { get; }

    public static string Setting(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Creates the queue and starts the roles (backend workers, subscription cascade, forwarder).</summary>
    public async Task StartAsync()
    {
        await Queue.CreateIfNotExistsAsync();
        started = [.. services.GetServices<IHostedService>()];
        foreach (var service in started)
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>The orderly stop of the host: cancels the roles' stopping token and waits until every worker has returned.</summary>
    public async Task StopAsync()
    {
        var services = started ?? [];
        started = null;
        foreach (var service in services.AsEnumerable().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await services.DisposeAsync();
    }
}
