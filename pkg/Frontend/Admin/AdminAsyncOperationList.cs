using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Rp.Database;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>GET /admin/{cluster}/asyncOperations</c>: the cluster's operations that still exist (they
/// expire 7 days after they end), most recent first, as stored. The ids come from the cluster
/// document: operations are partitioned by their own id, so there is nothing to query by cluster.
/// </summary>
internal sealed class AdminAsyncOperationList(IOpenShiftClusters clusters, IAsyncOperations operations)
{
    public async Task HandleAsync(HttpContext context)
    {
        var document = await AdminRequest.ClusterAsync(context, clusters).ConfigureAwait(false);
        var ids = Enumerable.Reverse(document.AsyncOperationHistory ?? [])
            .Append(document.AsyncOperationId)
            .Append(document.LastOperation?.Id)
            .Concat(document.CanceledAsyncOperationIds ?? [])
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

        var value = new JArray();
        foreach (var id in ids)
        {
            if (await operations.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } operation)
            {
                var item = (JObject)AdminJson.FromObject(operation.AsyncOperation);
                item["initialProvisioningState"] = operation.InitialProvisioningState.ToString();
                value.Add(item);
            }
        }

        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, new JObject { ["value"] = value }).ConfigureAwait(false);
    }
}
