using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Tests.Harness;

/// <summary>A cluster store every call of which fails as <paramref name="failure"/> does (throwing, or hanging until canceled and then throwing).</summary>
public sealed class FailingClusters(Func<CancellationToken, Task> failure) : IOpenShiftClusters
{
    public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument?>(cancellationToken);

    public Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default) => FailAsync<ConditionalRead<OpenShiftClusterDocument>>(cancellationToken);

    public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument?>(cancellationToken);

    public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument>(cancellationToken);

    public Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => FailAsync<OpenShiftClusterDocument>(cancellationToken);

    public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => FailAsync<object>(cancellationToken);

    public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default) => FailAsync<DocumentPage<OpenShiftClusterDocument>>(cancellationToken);

    public Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default) => FailAsync<DocumentPage<OpenShiftClusterDocument>>(cancellationToken);

    public Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default) => FailAsync<ChangeFeedPage<OpenShiftClusterDocument>>(cancellationToken);

    private async Task<T> FailAsync<T>(CancellationToken cancellationToken)
    {
        await failure(cancellationToken);
        throw new InvalidOperationException("The failure did not fail.");
    }
}
