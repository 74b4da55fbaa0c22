using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>
/// Reads an async operation and reconciles it with its resource: if the process that ended the
/// operation died before recording it, the resource document already says how it ended.
/// </summary>
internal sealed class AsyncOperationStatus(IAsyncOperations operations, IOpenShiftClusters clusters, TimeProvider time)
{
    public async Task<(AsyncOperationDocument Operation, OpenShiftClusterDocument? Cluster)?> GetAsync(string subscriptionId, string operationId, CancellationToken cancellationToken)
    {
        if (!DashedGuid.IsValid(operationId))
        {
            return null;
        }

        var operation = await operations.GetAsync(operationId.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        if (operation is null || ResourceId.PartitionKeyOf(operation.OpenShiftClusterKey) != subscriptionId.ToLowerInvariant())
        {
            return null;
        }

        var cluster = await clusters.GetAsync(operation.OpenShiftClusterKey, cancellationToken).ConfigureAwait(false);
        if (!operation.AsyncOperation.Status.IsTerminal())
        {
            Reconcile(operation, cluster);
        }

        return (operation, cluster);
    }

    private void Reconcile(AsyncOperationDocument operation, OpenShiftClusterDocument? cluster)
    {
        if (cluster?.LastOperation is { } outcome && outcome.Id == operation.Id)
        {
            operation.End(outcome.Status, outcome.Error, outcome.EndTime);
        }
        else if (cluster is null || (operation.OpenShiftClusterDocumentId is { } documentId && cluster.Id != documentId))
        {
            // The resource the operation drove is gone (another may exist under its name since): a
            // delete finished; anything else was cut short by that delete.
            operation.End(
                operation.InitialProvisioningState == ProvisioningState.Deleting ? ProvisioningState.Succeeded : ProvisioningState.Canceled,
                operation.InitialProvisioningState == ProvisioningState.Deleting ? null : AsyncOperationDocument.CanceledError(),
                time.GetUtcNow());
        }
        else if (cluster.AsyncOperationId != operation.Id)
        {
            operation.End(ProvisioningState.Canceled, AsyncOperationDocument.CanceledError(), time.GetUtcNow());
        }
    }
}
