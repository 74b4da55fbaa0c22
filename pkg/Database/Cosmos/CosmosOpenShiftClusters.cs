using Microsoft.Azure.Cosmos;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Database.Cosmos;

/// <summary>
/// <see cref="IOpenShiftClusters"/> on Cosmos DB. Every read is a point read or a query inside
/// one subscription's partition; the change feed is the container's (its continuation token is
/// the SDK's, kept by the caller as an opaque string).
/// </summary>
internal sealed class CosmosOpenShiftClusters(CosmosDatabase database) : IOpenShiftClusters
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

    public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) =>
        documents.ReadAsync(partitionKey, id, cancellationToken);

    public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) =>
        documents.CreateAsync(document, document.PartitionKey, cancellationToken);

    public Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) =>
        documents.ReplaceAsync(document, document.PartitionKey, cancellationToken);

    public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) =>
        documents.DeleteAsync(document, document.PartitionKey, cancellationToken);

    /// <remarks>
    /// Pages by key: the continuation is the last key of the previous page. The query has no
    /// ORDER BY, because the SDK on Linux asks the gateway for the plan of an ordered query and
    /// the emulator-compatible server cannot give one; the partition's matches after the
    /// continuation are sorted here instead, which costs little for one subscription's clusters.
    /// </remarks>
    public async Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        var query = new QueryDefinition(CosmosQueries.ClustersByKeyPrefixAfter)
            .WithParameter("@partitionKey", partitionKey)
            .WithParameter("@prefix", keyPrefix)
            .WithParameter("@after", continuation ?? "");
        var results = await documents.QueryAsync(query, partitionKey, cancellationToken).ConfigureAwait(false);
        results.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        if (results.Count <= maxItems)
        {
            return new DocumentPage<OpenShiftClusterDocument>(results, null);
        }

        var page = results.GetRange(0, maxItems);
        return new DocumentPage<OpenShiftClusterDocument>(page, page[^1].Key);
    }

    public async Task<IReadOnlyList<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition(CosmosQueries.UnqueuedClusters).WithParameter("@partitionKey", partitionKey);
        return await documents.QueryAsync(query, partitionKey, cancellationToken).ConfigureAwait(false);
    }

    public Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default) =>
        documents.ReadChangeFeedAsync(continuation, maxItems, cancellationToken);
}
