using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend.Handlers;

/// <summary>
/// <c>GET .../operationResults/{id}</c> (the <c>Location</c> URL): 202 while running; then 200 with
/// the resource, 204 when a delete finished, or the operation's error.
/// </summary>
internal sealed class AsyncOperationResultGet(AsyncOperationStatus status, IOptions<FrontendOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var found = await status.GetAsync((string)context.GetRouteValue("subscriptionId")!, (string)context.GetRouteValue("operationId")!, context.RequestAborted).ConfigureAwait(false)
            ?? throw new CloudError(404, CloudErrorCodes.NotFound, "The async operation was not found.");
        var (operation, cluster) = found;
        switch (operation.AsyncOperation.Status)
        {
            case ProvisioningState.Succeeded when operation.InitialProvisioningState != ProvisioningState.Deleting && cluster is not null:
                await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ClusterRepresentation.Render(context.GetApiVersion(), cluster)).ConfigureAwait(false);
                return;
            case ProvisioningState.Succeeded:
                await ArmResponses.WriteStatusAsync(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
                return;
            case ProvisioningState.Failed or ProvisioningState.Canceled:
                throw Failure(operation);
            default:
                context.Response.Headers.Location = AsyncOperationUrls.Of(context).Result((string)context.GetRouteValue("subscriptionId")!, (string)context.GetRouteValue("location")!, operation.Id);
                AsyncOperationUrls.SetRetryAfter(context, options.Value.RetryAfterSeconds);
                await ArmResponses.WriteStatusAsync(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
                return;
        }
    }

    private static CloudError Failure(AsyncOperationDocument operation)
    {
        var error = operation.AsyncOperation.Error ?? new CloudErrorBody(CloudErrorCodes.InternalServerError, "The operation failed.");
        var statusCode = operation.AsyncOperation.Status == ProvisioningState.Canceled ? StatusCodes.Status409Conflict
            : error.Code == CloudErrorCodes.InternalServerError ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
        return new CloudError(statusCode, error.Code, error.Message, error.Target);
    }
}
