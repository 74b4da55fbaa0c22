using Rp.Api;
using Rp.Backend.Tests.Installer;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Queue;

namespace Rp.Backend.Tests.Worker;

/// <summary>Writes documents as the frontend does (an async operation, then the resource with <c>BeginOperation</c>), and their queue messages as the forwarder does.</summary>
internal static class ClusterRequests
{
    /// <summary>A PUT that creates a cluster: the document is Creating, unqueued, and owned by a new running operation.</summary>
    public static async Task<(OpenShiftClusterDocument Document, AsyncOperationDocument Operation)> CreateAsync(IOpenShiftClusters clusters, IAsyncOperations operations, string? subscriptionId = null)
    {
        var cluster = TestClusters.New("cluster-" + Guid.NewGuid().ToString("N")[..8], subscriptionId ?? Guid.NewGuid().ToString());
        ResourceId.TryParse(cluster.Id, out var id);
        var document = new OpenShiftClusterDocument
        {
            Id = Guid.NewGuid().ToString(),
            Key = id!.Key,
            PartitionKey = id.PartitionKey,
            OpenShiftCluster = cluster,
        };
        var operation = await operations.CreateAsync(AsyncOperationDocument.Start(id, document.Id, cluster.Location, ProvisioningState.Creating, DateTimeOffset.UtcNow));
        document.BeginOperation(operation.Id, ProvisioningState.Creating, new CorrelationData { CorrelationRequestId = Guid.NewGuid().ToString() });
        return (await clusters.CreateAsync(document), operation);
    }

    /// <summary>A DELETE: a new Deleting operation that supersedes any operation still running.</summary>
    public static async Task<AsyncOperationDocument> DeleteAsync(IOpenShiftClusters clusters, IAsyncOperations operations, string key)
    {
        AsyncOperationDocument? operation = null;
        await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var document = await clusters.GetAsync(key, ct) ?? throw new InvalidOperationException($"{key} does not exist.");
                ResourceId.TryParse(document.OpenShiftCluster.Id, out var id);
                operation ??= await operations.CreateAsync(AsyncOperationDocument.Start(id!, document.Id, document.OpenShiftCluster.Location, ProvisioningState.Deleting, DateTimeOffset.UtcNow), ct);
                document.BeginOperation(operation.Id, ProvisioningState.Deleting, null);
                return await clusters.ReplaceAsync(document, ct);
            });
        return operation!;
    }

    /// <summary>The forwarder's message for the document.</summary>
    public static Task EnqueueAsync(IWorkQueue queue, OpenShiftClusterDocument document) =>
        queue.PutAsync(new WorkItem { DocumentId = document.Id, PartitionKey = document.PartitionKey }.Serialize());

    /// <summary>Changes the stored document (retrying against concurrent writers) and returns the version written.</summary>
    public static async Task<OpenShiftClusterDocument> PatchAsync(IOpenShiftClusters clusters, string key, Action<OpenShiftClusterDocument> change) =>
        (await clusters.PatchAsync(key, d =>
        {
            change(d);
            return true;
        }))!;
}
