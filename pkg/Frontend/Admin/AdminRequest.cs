using Microsoft.AspNetCore.Http;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Admin;

/// <summary>What admin handlers read from a request.</summary>
internal static class AdminRequest
{
    /// <summary>The cluster the route names; 404 when there is none.</summary>
    public static async Task<OpenShiftClusterDocument> ClusterAsync(HttpContext context, IOpenShiftClusters clusters)
    {
        var id = context.ClusterId();
        return await clusters.GetAsync(id.Key, context.RequestAborted).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
    }
}
