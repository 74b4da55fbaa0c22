using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Turns every failure into the CloudError shape: a <see cref="CloudError"/> as it is, a store that
/// is unavailable for now as a 503, anything else as a 500 that never shows the exception's text.
/// Those, and every 503, carry <c>Retry-After</c>: ARM retries them (a 500 that reports how an
/// operation failed is final and carries none). Unmatched routes and methods get 404/405 CloudErrors too.
/// </summary>
internal sealed partial class ErrorMiddleware(RequestDelegate next, IOptions<FrontendOptions> options, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            // No endpoint, or routing's own 405 endpoint (which writes no body): neither is an RP route.
            if (!context.Response.HasStarted && context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>() is null)
            {
                await WriteUnmatchedAsync(context).ConfigureAwait(false);
            }
        }
        catch (CloudError error) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, error, retry: error.StatusCode == StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var error = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new CloudError(413, CloudErrorCodes.RequestEntityTooLarge, "The request body is too large.")
                : new CloudError(400, CloudErrorCodes.InvalidRequestContent, "The request could not be read.");
            await ArmResponses.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var unavailable = DatabaseErrors.IsUnavailable(e);
            if (unavailable)
            {
                LogUnavailable(logger, e);
            }
            else
            {
                LogUnhandled(logger, e);
            }

            // Clear drops whatever the handler had set, but the request's ids belong on every response.
            var requestId = context.Response.Headers[ArmHeaders.RequestId];
            var clientRequestId = context.Response.Headers[ArmHeaders.ClientRequestId];
            context.Response.Clear();
            context.Response.Headers[ArmHeaders.RequestId] = requestId;
            if (clientRequestId.Count > 0)
            {
                context.Response.Headers[ArmHeaders.ClientRequestId] = clientRequestId;
            }

            await WriteAsync(
                context,
                unavailable
                    ? new CloudError(503, CloudErrorCodes.ServiceUnavailable, "A store the service depends on is unavailable for now. Retry the request.")
                    : new CloudError(500, CloudErrorCodes.InternalServerError, "Internal server error."),
                retry: true).ConfigureAwait(false);
        }
    }

    private Task WriteAsync(HttpContext context, CloudError error, bool retry)
    {
        if (retry)
        {
            context.Response.Headers[ArmHeaders.RetryAfter] = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ArmResponses.WriteErrorAsync(context, error);
    }

    private static Task WriteUnmatchedAsync(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status405MethodNotAllowed => ArmResponses.WriteErrorAsync(context, new CloudError(405, CloudErrorCodes.MethodNotAllowed, $"The method '{context.Request.Method}' is not allowed on this resource.")),
        StatusCodes.Status404NotFound or StatusCodes.Status200OK => ArmResponses.WriteErrorAsync(context, new CloudError(404, CloudErrorCodes.NotFound, $"The requested path '{context.Request.Path}' was not found.")),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while serving the request")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A store is unavailable; answering 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The client went away before the response")]
    private static partial void LogAborted(ILogger logger);
}
