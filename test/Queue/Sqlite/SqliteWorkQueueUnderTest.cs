using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rp.Database.Tests;
using Rp.Env;
using Rp.Queue.Sqlite;
using Rp.Queue.Tests.Conformance;

namespace Rp.Queue.Tests.Sqlite;

/// <summary>
/// The embedded queue wired as the host wires it (<see cref="SqliteQueueServiceCollectionExtensions.AddRpSqliteQueue"/>).
/// Instances opened on one data directory share its file as separate processes would.
/// </summary>
internal sealed class SqliteWorkQueueUnderTest : IWorkQueueUnderTest
{
    private readonly ServiceProvider services;

    public SqliteWorkQueueUnderTest(string dataDir, TimeProvider timeProvider, string queueName = "openshiftclusters")
    {
        services = new ServiceCollection()
            .AddSingleton(Options.Create(new QueueOptions { Name = queueName }))
            .AddSingleton(Options.Create(new RpOptions { DataDir = dataDir }))
            .AddSingleton(timeProvider)
            .AddRpSqliteQueue()
            .BuildServiceProvider();
        Path = System.IO.Path.Combine(dataDir, SqliteWorkQueue.FileName);
    }

    public string Path { get; }

    public IWorkQueue Queue => services.GetRequiredService<IWorkQueue>();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
