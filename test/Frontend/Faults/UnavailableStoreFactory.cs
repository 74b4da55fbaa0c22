using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database;
using Rp.Database.Documents;
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
        builder.ConfigureTestServices(services => services.AddSingleton<IOpenShiftClusters>(new UnavailableClusters(this)));
    }

    private sealed class UnavailableClusters(UnavailableStoreFactory factory) : IOpenShiftClusters
    {
        public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument?>(cancellationToken);

        public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument?>(cancellationToken);

        public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument>(cancellationToken);

        public Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument>(cancellationToken);

        public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => FailAsync<object>(cancellationToken);

        public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default) => FailAsync<DocumentPage<OpenShiftClusterDocument>>(cancellationToken);

        public Task<IReadOnlyList<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<OpenShiftClusterDocument>>(cancellationToken);

        public Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default) => FailAsync<ChangeFeedPage<OpenShiftClusterDocument>>(cancellationToken);

        private async Task<T> FailAsync<T>(CancellationToken cancellationToken)
        {
            if (factory.Hangs)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            throw new SqliteException("database is locked", 5);
        }
    }
}
