using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Logging;

/// <summary>The frontend over a cluster store that fails with an internal error carrying sensitive text.</summary>
public sealed class FailingStoreFactory() : RpFactory(fullPipeline: false, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" })
{
    public const string ExceptionText = "connection string AccountKey=c2Vuc2l0aXZl; at Rp.Internal.Secret()";

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Log);
            services.AddSingleton<IOpenShiftClusters, FailingClusters>();
        });
    }

    private sealed class FailingClusters : IOpenShiftClusters
    {
        public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => throw Failure();

        public Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default) => throw Failure();

        public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => throw Failure();

        public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => throw Failure();

        public Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => throw Failure();

        public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => throw Failure();

        public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default) => throw Failure();

        public Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default) => throw Failure();

        public Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default) => throw Failure();

        private static InvalidOperationException Failure() => new(ExceptionText);
    }
}
