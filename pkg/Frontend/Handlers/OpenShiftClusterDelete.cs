using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Quotas;

namespace Rp.Frontend.Handlers;

/// <summary>
/// DELETE a cluster: 204 when absent; otherwise 202 and the backend deletes it. Never refused
/// because of the provisioning state: a running operation ends Canceled. The cluster's quota
/// reservations are withdrawn: its quota is free once its document is gone.
/// </summary>
internal sealed partial class OpenShiftClusterDelete(
    IOpenShiftClusters clusters,
    IAsyncOperations operations,
    QuotaChecker quota,
    TimeProvider time,
    IOptions<FrontendOptions> options,
    ILogger<OpenShiftClusterDelete> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var id = context.ClusterId();
        var correlation = context.Correlation(time.GetUtcNow());
        AsyncOperationDocument? operation = null;
        var began = false;

        var document = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                began = false;
                var doc = await clusters.GetAsync(id.Key, ct).ConfigureAwait(false);
                if (doc is null)
                {
                    return null;
                }

                Preconditions.Check(context.Request, doc);
                if (doc.OpenShiftCluster.Properties.ProvisioningState == ProvisioningState.Deleting && doc.AsyncOperationId is not null)
                {
                    // Already being deleted: the same operation answers a repeated DELETE.
                    operation = await operations.GetAsync(doc.AsyncOperationId, ct).ConfigureAwait(false);
                    if (operation is not null)
                    {
                        return doc;
                    }
                }

                operation ??= await operations.CreateAsync(AsyncOperationDocument.Start(id, doc.OpenShiftCluster.Location, ProvisioningState.Deleting, time.GetUtcNow()), ct).ConfigureAwait(false);
                doc.BeginOperation(operation.Id, ProvisioningState.Deleting, correlation);
                began = true;
                return await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
            },
            context.RequestAborted).ConfigureAwait(false);

        if (document is null || operation is null)
        {
            await ArmResponses.WriteStatusAsync(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
            return;
        }

        if (began)
        {
            FrontendTelemetry.OperationStarted(ProvisioningState.Deleting);
        }

        await quota.WithdrawAsync(id).ConfigureAwait(false);
        LogAccepted(logger, id.ToString(), operation.Id);
        AsyncOperationUrls.SetHeaders(context, id, document.OpenShiftCluster.Location, operation, withLocation: true, options.Value.RetryAfterSeconds);
        await ArmResponses.WriteStatusAsync(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DELETE accepted for {ResourceId}, operation {OperationId}")]
    private static partial void LogAccepted(ILogger logger, string resourceId, string operationId);
}
