using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Rp.Api;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Bounds how long a request may take (<see cref="FrontendOptions.RequestTimeout"/>): its
/// <see cref="HttpContext.RequestAborted"/> is canceled then, and a request still running gets 503
/// <c>ServiceUnavailable</c> (with <c>Retry-After</c>), never a hang, when a store stops answering.
/// </summary>
internal sealed class RequestTimeoutMiddleware(RequestDelegate next, IOptions<FrontendOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var timeout = options.Value.RequestTimeout;
        var clientAborted = context.RequestAborted;
        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, timer.Token);
        context.RequestAborted = linked.Token;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !clientAborted.IsCancellationRequested)
        {
            throw new CloudError(StatusCodes.Status503ServiceUnavailable, CloudErrorCodes.ServiceUnavailable, $"The request did not complete within {timeout.TotalSeconds:0} seconds: the service is busy or a store it depends on is unavailable. Retry the request.");
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }
    }
}
