using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rp.Api;
using Rp.Frontend.Json;

namespace Rp.Frontend.Handlers;

/// <summary><c>GET .../operationsStatus/{id}</c>: always 200 with the status resource while it exists.</summary>
internal sealed class AsyncOperationsStatusGet(AsyncOperationStatus status)
{
    public async Task HandleAsync(HttpContext context)
    {
        var found = await status.GetAsync((string)context.GetRouteValue("subscriptionId")!, (string)context.GetRouteValue("operationId")!, context.RequestAborted).ConfigureAwait(false)
            ?? throw new CloudError(404, CloudErrorCodes.NotFound, "The async operation was not found.");
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ArmJson.FromObject(found.Operation.AsyncOperation)).ConfigureAwait(false);
    }
}
