using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>POST /admin/{cluster}/cancel</c>: ends a running create or update as Canceled. The resource
/// becomes Canceled (a later PUT, or a retry, carries on from there) and the operation Canceled with
/// an error saying an administrator canceled it. The document no longer names the operation, so
/// the worker driving it stops at its next write or heartbeat, as when a DELETE supersedes an
/// operation, and settles the document. A delete cannot be canceled: it must always finish.
/// Idempotent: an operation this canceled is answered again as it was.
/// </summary>
internal sealed partial class AdminClusterCancel(IOpenShiftClusters clusters, IAsyncOperations operations, TimeProvider time, ILogger<AdminClusterCancel> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var id = context.ClusterId();
        var error = new CloudErrorBody(CloudErrorCodes.Canceled, "The operation was canceled by an administrator.");
        var document = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var document = await clusters.GetAsync(id.Key, ct).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
                var properties = document.OpenShiftCluster.Properties;
                switch (properties.ProvisioningState)
                {
                    case ProvisioningState.Creating or ProvisioningState.Updating when document.AsyncOperationId is { } running:
                        // Recorded for the backend too, so the operation ends Canceled even if this process dies now.
                        (document.CanceledAsyncOperationIds ??= []).Add(running);
                        properties.FailedProvisioningState = properties.ProvisioningState;
                        properties.ProvisioningState = ProvisioningState.Canceled;
                        document.LastOperation = new OperationOutcome { Id = running, Status = ProvisioningState.Canceled, EndTime = time.GetUtcNow(), Error = error };
                        document.AsyncOperationId = null;
                        document.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
                        document.Unqueued = true;
                        var written = await clusters.ReplaceAsync(document, ct).ConfigureAwait(false);
                        LogCanceled(logger, id.ToString(), running);
                        return written;
                    case ProvisioningState.Canceled:
                        // Only a cancel makes a resource Canceled: this is a repeat.
                        return document;
                    case ProvisioningState.Deleting:
                        throw new CloudError(409, CloudErrorCodes.Conflict, "A delete cannot be canceled: it always runs to the end.");
                    default:
                        throw new CloudError(409, CloudErrorCodes.Conflict, $"No operation is running on the cluster: it is {properties.ProvisioningState}.");
                }
            },
            context.RequestAborted).ConfigureAwait(false);

        var outcome = document.LastOperation!;
        var operation = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var operation = await operations.GetAsync(outcome.Id, ct).ConfigureAwait(false);
                if (operation is not null && operation.End(ProvisioningState.Canceled, outcome.Error, outcome.EndTime))
                {
                    operation = await operations.ReplaceAsync(operation, ct).ConfigureAwait(false);
                }

                return operation;
            },
            context.RequestAborted).ConfigureAwait(false);

        var body = AdminJson.ClusterSummary(document, time.GetUtcNow());
        body["operation"] = AdminJson.FromObject(operation?.AsyncOperation);
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin: canceled operation {OperationId} of {ResourceId}")]
    private static partial void LogCanceled(ILogger logger, string resourceId, string operationId);
}
