using Microsoft.Azure.Cosmos;
using Rp.Api;
using Rp.Database.Documents;
using Rp.Env;

namespace Rp.Database.Cosmos;

/// <summary>
/// <see cref="IOpenShiftClusters"/> on Cosmos DB. Every read is a point read or a query inside
/// one subscription's partition; the change feed is the container's (its continuation token is
/// the SDK's, kept by the caller as an opaque string). Every write wakes this process's forwarder,
/// when there is one (<see cref="PollSignals.ClusterWrites"/>).
/// </summary>
internal sealed class CosmosOpenShiftClusters(CosmosDatabase database, PollSignals? signals) : IOpenShiftClusters
{
    private readonly CosmosDocuments<OpenShiftClusterDocument> documents = new(database, CosmosContainers.OpenShiftClusters);

    public async Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var partitionKey = ResourceId.PartitionKeyOf(key);
        var query = new QueryDefinition(CosmosQueries.ClusterByKey)
            .WithParameter("@partitionKey", partitionKey)
            .WithParameter("@key", key);
        var results = await documents.QueryAsync(query, partitionKey, cancellationToken).ConfigureAwait(false);
        return results.SingleOrDefault();
    }

    /// <remarks>
    /// The id of the version the caller holds allows a point read with <c>If-None-Match</c>: the
    /// service answers 304 without the body while the document is unchanged, whoever else writes
    /// to the account. A document of that id but another key (or none) means the resource was
    /// deleted and created again: it is then found by key.
    /// </remarks>
    public async Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default)
    {
        if (known is not null)
        {
            var (notModified, document) = await documents.ReadIfNoneMatchAsync(ResourceId.PartitionKeyOf(key), known.Id, known.ETag, cancellationToken).ConfigureAwait(false);
            if (notModified)
            {
                return ConditionalRead<OpenShiftClusterDocument>.Unchanged(known);
            }

            if (document?.Key == key)
            {
                return new ConditionalRead<OpenShiftClusterDocument>(document, new DocumentVersion(document.Id, document.ETag!, 0));
            }
        }

        var current = await GetAsync(key, cancellationToken).ConfigureAwait(false);
        return current is null
            ? ConditionalRead<OpenShiftClusterDocument>.Missing
            : new ConditionalRead<OpenShiftClusterDocument>(current, new DocumentVersion(current.Id, current.ETag!, 0));
    }

    public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) =>
        documents.ReadAsync(partitionKey, id, cancellationToken);

    public async Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        var created = await documents.CreateAsync(document, document.PartitionKey, cancellationToken).ConfigureAwait(false);
        signals?.ClusterWrites.Notify();
        return created;
    }

    public async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        var replaced = await documents.ReplaceAsync(document, document.PartitionKey, cancellationToken).ConfigureAwait(false);
        signals?.ClusterWrites.Notify();
        return replaced;
    }

    public async Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        await documents.DeleteAsync(document, document.PartitionKey, cancellationToken).ConfigureAwait(false);
        signals?.ClusterWrites.Notify();
    }

    /// <remarks>Pages by key: the continuation is the last key of the previous page.</remarks>
    public Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return PageAsync(
            new QueryDefinition(CosmosQueries.ClustersByKeyPrefixAfter).WithParameter("@prefix", keyPrefix),
            partitionKey,
            continuation,
            maxItems,
            cancellationToken);
    }

    public Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return PageAsync(new QueryDefinition(CosmosQueries.UnqueuedClustersAfter), partitionKey, continuation, maxItems, cancellationToken);
    }

    /// <remarks>
    /// The service's change feed has no filter: with <paramref name="unqueuedOnly"/>, pages are read
    /// and filtered here until one holds an unqueued document or the feed runs dry, or a few pages
    /// had none (the continuation then has moved on, and the caller reads again).
    /// </remarks>
    public async Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default)
    {
        const int MaxPagesWithoutUnqueued = 10;
        var page = await documents.ReadChangeFeedAsync(continuation, maxItems, cancellationToken).ConfigureAwait(false);
        if (!unqueuedOnly)
        {
            return page;
        }

        for (var pages = 1; ; pages++)
        {
            var unqueued = page.Items.Where(d => d.Unqueued).ToList();
            if (unqueued.Count > 0 || page.Items.Count == 0 || pages == MaxPagesWithoutUnqueued)
            {
                return page with { Items = unqueued };
            }

            page = await documents.ReadChangeFeedAsync(page.Continuation, maxItems, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One page of a keyset query (<c>TOP @top ... c.key > @after ORDER BY c.key</c>): one document
    /// more than the page tells whether another follows.
    /// </summary>
    private async Task<DocumentPage<OpenShiftClusterDocument>> PageAsync(QueryDefinition query, string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken)
    {
        var results = await documents.QueryAsync(
            query.WithParameter("@partitionKey", partitionKey).WithParameter("@after", continuation ?? "").WithParameter("@top", maxItems + 1),
            partitionKey,
            cancellationToken,
            top: maxItems + 1).ConfigureAwait(false);
        if (results.Count <= maxItems)
        {
            return new DocumentPage<OpenShiftClusterDocument>(results, null);
        }

        var page = results.GetRange(0, maxItems);
        return new DocumentPage<OpenShiftClusterDocument>(page, page[^1].Key);
    }
}
