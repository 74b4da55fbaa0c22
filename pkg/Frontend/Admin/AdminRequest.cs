using Microsoft.AspNetCore.Http;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Admin;

/// <summary>What admin handlers read from a request.</summary>
internal static class AdminRequest
{
    /// <summary>A subscription id in ARM's form (a dashed GUID), in its canonical spelling (<see cref="SubscriptionIds"/>); 400 otherwise.</summary>
    public static string SubscriptionId(string value, string target) =>
        SubscriptionIds.TryParse(value, out var canonical)
            ? canonical
            : throw CloudError.BadRequest(CloudErrorCodes.InvalidSubscriptionId, $"'{value}' is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000).", target);

    /// <summary>The cluster the route names; 404 when there is none.</summary>
    public static async Task<OpenShiftClusterDocument> ClusterAsync(HttpContext context, IOpenShiftClusters clusters)
    {
        var id = context.ClusterId();
        return await clusters.GetAsync(id.Key, context.RequestAborted).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
    }
}
