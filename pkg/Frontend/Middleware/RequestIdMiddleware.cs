using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Gives every response an <c>x-ms-request-id</c>, echoes the client's request id when asked, and
/// opens the log scope that carries the request's ids on every line written while serving it.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var request = context.Request;
        var clientRequestId = request.Headers[ArmHeaders.ClientRequestId].ToString();
        var correlationRequestId = request.Headers[ArmHeaders.CorrelationRequestId].ToString();

        context.Response.Headers[ArmHeaders.RequestId] = requestId;
        if (clientRequestId.Length > 0 && string.Equals(request.Headers[ArmHeaders.ReturnClientRequestId], "true", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers[ArmHeaders.ClientRequestId] = clientRequestId;
        }

        // MsRequestId (x-ms-request-id): ASP.NET Core's own scope already has a RequestId field.
        using var scope = logger.BeginScope("requestId={MsRequestId} correlationRequestId={CorrelationRequestId} clientRequestId={ClientRequestId}", requestId, correlationRequestId, clientRequestId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            LogRequest(logger, request.Method, request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
