namespace Rp.Database.Cosmos;

/// <summary>
/// Query texts. Each names the partition key in its filter and runs in that one partition:
/// the distributed store is never asked for a cross-partition query.
/// </summary>
internal static class CosmosQueries
{
    public const string ClusterByKey =
        "SELECT * FROM c WHERE c.partitionKey = @partitionKey AND c.key = @key";

    // Keyset pages: the service reads the next @top keys from its index, whatever comes before.
    public const string ClustersByKeyPrefixAfter =
        "SELECT TOP @top * FROM c WHERE c.partitionKey = @partitionKey AND STARTSWITH(c.key, @prefix) AND c.key > @after ORDER BY c.key";

    public const string UnqueuedClustersAfter =
        "SELECT TOP @top * FROM c WHERE c.partitionKey = @partitionKey AND c.unqueued = true AND c.key > @after ORDER BY c.key";
}
