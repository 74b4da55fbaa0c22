using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Frontend.Json;

namespace Rp.Frontend.Handlers;

/// <summary>
/// <c>GET .../operationsStatus/{id}</c>: always 200 with the status resource while it exists, and
/// <c>Retry-After</c> while the operation runs (without it the Azure SDK's poller waits 30 s).
/// </summary>
internal sealed class AsyncOperationsStatusGet(AsyncOperationStatus status, IOptions<FrontendOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var found = await status.GetAsync((string)context.GetRouteValue("subscriptionId")!, (string)context.GetRouteValue("operationId")!, context.RequestAborted).ConfigureAwait(false)
            ?? throw new CloudError(404, CloudErrorCodes.NotFound, "The async operation was not found.");
        if (!found.Operation.AsyncOperation.Status.IsTerminal())
        {
            AsyncOperationUrls.SetRetryAfter(context, options.Value.RetryAfterSeconds);
        }

        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ArmJson.FromObject(found.Operation.AsyncOperation)).ConfigureAwait(false);
    }
}
