using Microsoft.AspNetCore.Http;

namespace Rp.Frontend.Handlers;

/// <summary>GET a cluster: 200 with the resource, or 404. Served from <see cref="RenderedClusters"/>.</summary>
internal sealed class OpenShiftClusterGet(RenderedClusters clusters)
{
    public async Task HandleAsync(HttpContext context)
    {
        var id = context.ClusterId();
        var cluster = await clusters.GetAsync(id.Key, context.RequestAborted).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
        if (cluster.ResourceETag is not null)
        {
            context.Response.Headers.ETag = cluster.ResourceETag;
        }

        await ArmResponses.WriteBytesAsync(context, StatusCodes.Status200OK, cluster.Bodies[context.GetApiVersion().Name]).ConfigureAwait(false);
    }
}
