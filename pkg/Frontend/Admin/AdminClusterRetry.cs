using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>POST /admin/{cluster}/retry</c>: runs a Failed (or Canceled) cluster's last operation again
/// as a new async operation in the same provisioning state, resuming at the installer phase where
/// it stopped. Idempotent: while the cluster runs an operation that followed the failure, the
/// answer names that operation and nothing is written.
/// </summary>
internal sealed partial class AdminClusterRetry(IOpenShiftClusters clusters, IAsyncOperations operations, TimeProvider time, ILogger<AdminClusterRetry> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var id = context.ClusterId();
        var correlation = context.Correlation(time.GetUtcNow());
        AsyncOperationDocument? operation = null;
        var document = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var document = await clusters.GetAsync(id.Key, ct).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
                var properties = document.OpenShiftCluster.Properties;
                if (properties.ProvisioningState is ProvisioningState.Failed or ProvisioningState.Canceled && properties.FailedProvisioningState is { } state)
                {
                    if (operation is null || operation.InitialProvisioningState != state)
                    {
                        operation = await operations.CreateAsync(AsyncOperationDocument.Start(id, document.OpenShiftCluster.Location, state, time.GetUtcNow()), ct).ConfigureAwait(false);
                    }

                    if (properties.Install.OperationId == document.LastOperation?.Id)
                    {
                        // The checkpoint of the operation that stopped carries over: the retry resumes where it ended.
                        properties.Install.OperationId = operation.Id;
                    }

                    document.BeginOperation(operation.Id, state, correlation);
                    var written = await clusters.ReplaceAsync(document, ct).ConfigureAwait(false);
                    LogRetried(logger, id.ToString(), state.ToString(), operation.Id);
                    return written;
                }

                if (!properties.ProvisioningState.IsTerminal()
                    && document.LastOperation?.Status is ProvisioningState.Failed or ProvisioningState.Canceled
                    && document.AsyncOperationId is { } running)
                {
                    operation = await operations.GetAsync(running, ct).ConfigureAwait(false);
                    return document;
                }

                throw new CloudError(409, CloudErrorCodes.Conflict, $"Only a Failed or Canceled cluster can be retried; this one is {properties.ProvisioningState}.");
            },
            context.RequestAborted).ConfigureAwait(false);

        var body = AdminJson.ClusterSummary(document, time.GetUtcNow());
        body["operation"] = AdminJson.FromObject(operation?.AsyncOperation);
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status202Accepted, body).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin: retrying {ResourceId} as {ProvisioningState}, operation {OperationId}")]
    private static partial void LogRetried(ILogger logger, string resourceId, string provisioningState, string operationId);
}
