using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Database;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>POST /admin/{cluster}/requeue</c>: hands the document to the forwarder again (sets
/// <c>unqueued</c>), which puts a fresh message on the queue, as after any request: for a
/// document whose message was lost. A live lease holder keeps the document (the new message is
/// then a harmless duplicate); a terminal document only gets its bookkeeping settled.
/// Idempotent: a document already waiting for the forwarder is not written again.
/// </summary>
internal sealed partial class AdminClusterRequeue(IOpenShiftClusters clusters, TimeProvider time, ILogger<AdminClusterRequeue> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var id = context.ClusterId();
        var document = await clusters.PatchAsync(
            id.Key,
            d =>
            {
                if (d.Unqueued)
                {
                    return false;
                }

                d.Unqueued = true;
                return true;
            },
            context.RequestAborted).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);

        LogRequeued(logger, document.OpenShiftCluster.Id);
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status202Accepted, AdminJson.ClusterSummary(document, time.GetUtcNow())).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin: requeued {ResourceId}")]
    private static partial void LogRequeued(ILogger logger, string resourceId);
}
