using Microsoft.AspNetCore.Http;
using Rp.Database;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>GET /admin/{cluster}</c>: the cluster at a glance (lease holder and expiry, delivery count,
/// install checkpoint, last operation) and its whole internal document, secrets redacted.
/// </summary>
internal sealed class AdminClusterGet(IOpenShiftClusters clusters, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var document = await AdminRequest.ClusterAsync(context, clusters).ConfigureAwait(false);
        var view = AdminJson.ClusterSummary(document, time.GetUtcNow());
        view["document"] = AdminJson.FromObject(document);
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, view).ConfigureAwait(false);
    }
}
