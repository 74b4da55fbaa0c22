using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Database;
using Rp.Env;
using Rp.Queue.Forwarder;
using ForwarderService = Rp.Queue.Forwarder.Forwarder;

namespace Rp.Queue.Tests.Forwarder;

/// <summary>
/// One forwarder "process" on a data directory: the database and queue wired as the host wires
/// them (AddRpDatabase, AddRpQueue) in a service provider of its own, and the forwarder built on
/// them through recording decorators. Several hosts on one data directory share its files.
/// </summary>
internal sealed class ForwarderTestHost : IAsyncDisposable
{
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(5);

    // One key for every host, so that any of them reads the secrets another wrote.
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly ServiceProvider services;
    private readonly ForwarderService forwarder;
    private bool started;

    /// <param name="dataDir">The data directory, which other hosts may share.</param>
    /// <param name="leaseDuration">The forwarder's lease; <see cref="DefaultLeaseDuration"/> if null.</param>
    /// <param name="pollInterval">How often the forwarder reads the change feed; 20 ms if null.</param>
    /// <param name="wakeUps">Whether this host's own writes wake the forwarder, as in an RP process.</param>
    public ForwarderTestHost(string dataDir, TimeSpan? leaseDuration = null, TimeSpan? pollInterval = null, bool wakeUps = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rp:DataDir"] = dataDir,
            ["Encryption:Keys:0"] = EncryptionKey,
        }).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddRpDatabase(configuration)
            .AddRpQueue(configuration)
            .BuildServiceProvider();

        ForwarderClusters = new InterceptingClusters(Clusters);
        ForwarderLeases = new PartitionableLeases(Leases);
        ForwarderQueue = new RecordingQueue(services.GetRequiredService<IWorkQueue>());
        LeaseDuration = leaseDuration ?? DefaultLeaseDuration;
        forwarder = new ForwarderService(
            ForwarderClusters,
            Subscriptions,
            ForwarderLeases,
            ForwarderQueue,
            TimeProvider.System,
            Options.Create(new ForwarderOptions { LeaseDuration = LeaseDuration, PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(20) }),
            services.GetRequiredService<ILogger<ForwarderService>>(),
            signals: wakeUps ? services.GetRequiredService<PollSignals>() : null);
    }

    public TimeSpan LeaseDuration { get; }

    /// <summary>The database as the test (any other writer) sees it.</summary>
    public IOpenShiftClusters Clusters => services.GetRequiredService<IOpenShiftClusters>();

    public ISubscriptions Subscriptions => services.GetRequiredService<ISubscriptions>();

    public ILeases Leases => services.GetRequiredService<ILeases>();

    /// <summary>The clusters container as the forwarder sees it.</summary>
    public InterceptingClusters ForwarderClusters { get; }

    public PartitionableLeases ForwarderLeases { get; }

    /// <summary>What this forwarder put on the queue.</summary>
    public RecordingQueue ForwarderQueue { get; }

    public async Task StartAsync()
    {
        started = true;
        await forwarder.StartAsync(CancellationToken.None);
    }

    /// <summary>The orderly stop: the forwarder gives its lease up if it holds it.</summary>
    public async Task StopAsync()
    {
        if (started)
        {
            started = false;
            await forwarder.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        forwarder.Dispose();
        await services.DisposeAsync();
    }
}
