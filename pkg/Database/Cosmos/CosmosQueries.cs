namespace Rp.Database.Cosmos;

/// <summary>
/// Query texts. Each names the partition key in its filter and runs in that one partition:
/// the distributed store is never asked for a cross-partition query.
/// </summary>
internal static class CosmosQueries
{
    public const string ClusterByKey =
        "SELECT * FROM c WHERE c.partitionKey = @partitionKey AND c.key = @key";

    public const string ClustersByKeyPrefixAfter =
        "SELECT * FROM c WHERE c.partitionKey = @partitionKey AND STARTSWITH(c.key, @prefix) AND c.key > @after";

    public const string UnqueuedClusters =
        "SELECT * FROM c WHERE c.partitionKey = @partitionKey AND c.unqueued = true";
}
