using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Faults;

/// <summary>The frontend over a cluster store that is unavailable: it stops answering, or answers busy. Requests time out after a second.</summary>
public sealed class UnavailableStoreFactory() : RpFactory(fullPipeline: false, new Dictionary<string, string> { ["Frontend:RequestTimeout"] = "00:00:01" })
{
    public const int RequestTimeoutSeconds = 1;

    /// <summary>Whether the store hangs (until the request is canceled) rather than answering busy.</summary>
    public bool Hangs { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IOpenShiftClusters>(new FailingClusters(FailAsync)));
    }

    private async Task FailAsync(CancellationToken cancellationToken)
    {
        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        throw new SqliteException("database is locked", 5);
    }
}
