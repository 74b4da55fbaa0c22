using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Queue.Tests.Forwarder;

/// <summary>
/// The forwarder's view of the clusters container: records what its change-feed reads return and
/// can run a concurrent writer's write just before one of its replaces.
/// </summary>
internal sealed class InterceptingClusters(IOpenShiftClusters inner) : IOpenShiftClusters
{
    private readonly Lock gate = new();
    private readonly List<(string? From, IReadOnlyList<OpenShiftClusterDocument> Items)> reads = [];
    private Func<OpenShiftClusterDocument, Task>? beforeNextReplace;

    /// <summary>Every change-feed read: the continuation it started from and the documents it returned.</summary>
    public IReadOnlyList<(string? From, IReadOnlyList<OpenShiftClusterDocument> Items)> ChangeFeedReads
    {
        get
        {
            lock (gate)
            {
                return [.. reads];
            }
        }
    }

    /// <summary>Runs <paramref name="write"/> (once) when the next replace of a document is about to be sent.</summary>
    public void BeforeNextReplace(Func<OpenShiftClusterDocument, Task> write)
    {
        lock (gate)
        {
            beforeNextReplace = write;
        }
    }

    public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default) => inner.GetIfChangedAsync(key, known, cancellationToken);

    public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => inner.GetByIdAsync(partitionKey, id, cancellationToken);

    public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.CreateAsync(document, cancellationToken);

    public async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        Func<OpenShiftClusterDocument, Task>? write;
        lock (gate)
        {
            write = beforeNextReplace;
            beforeNextReplace = null;
        }

        if (write is not null)
        {
            await write(document);
        }

        return await inner.ReplaceAsync(document, cancellationToken);
    }

    public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) => inner.DeleteAsync(document, cancellationToken);

    public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default) =>
        inner.ListAsync(partitionKey, keyPrefix, continuation, maxItems, cancellationToken);

    public Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default) =>
        inner.ListUnqueuedAsync(partitionKey, continuation, maxItems, cancellationToken);

    public async Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default)
    {
        var page = await inner.ReadChangeFeedAsync(continuation, maxItems, unqueuedOnly, cancellationToken);
        lock (gate)
        {
            reads.Add((continuation, page.Items));
        }

        return page;
    }
}
