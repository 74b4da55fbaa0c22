using Microsoft.Azure.Cosmos;

namespace Rp.Database.Cosmos;

/// <summary>
/// The containers and how they are partitioned. OpenShiftClusters by <c>/partitionKey</c> (the
/// lower-cased subscription id) so that a subscription's clusters can be listed in one partition;
/// the others by <c>/id</c>, because they are only ever read by id, so any id finds its partition.
/// Public because the deployment template (Rp.Deploy) provisions exactly these, so the two cannot drift.
/// </summary>
public static class CosmosContainers
{
    public const string OpenShiftClusters = nameof(OpenShiftClusters);
    public const string Subscriptions = nameof(Subscriptions);
    public const string AsyncOperations = nameof(AsyncOperations);
    public const string Leases = nameof(Leases);

    public static IEnumerable<ContainerProperties> All()
    {
        yield return new ContainerProperties(OpenShiftClusters, "/partitionKey")
        {
            UniqueKeyPolicy = new UniqueKeyPolicy { UniqueKeys = { new UniqueKey { Paths = { "/key" } } } },
        };
        yield return new ContainerProperties(Subscriptions, "/id");

        // -1: nothing expires unless the document sets its own ttl, as async operations do.
        yield return new ContainerProperties(AsyncOperations, "/id") { DefaultTimeToLive = -1 };
        yield return new ContainerProperties(Leases, "/id");
    }
}
