using Microsoft.AspNetCore.Http;
using Rp.Database;

namespace Rp.Frontend.Handlers;

/// <summary>GET a cluster: 200 with the resource, or 404.</summary>
internal sealed class OpenShiftClusterGet(IOpenShiftClusters clusters)
{
    public async Task HandleAsync(HttpContext context)
    {
        var id = context.ClusterId();
        var document = await clusters.GetAsync(id.Key, context.RequestAborted).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
        if (document.ResourceETag is not null)
        {
            context.Response.Headers.ETag = document.ResourceETag;
        }

        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ClusterRepresentation.Render(context.GetApiVersion(), document)).ConfigureAwait(false);
    }
}
