using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Api;
using Rp.Frontend.Server;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Gives every response an <c>x-ms-request-id</c>, echoes the client's request id when asked, and
/// opens the log scope that carries the request's ids on every line written while serving it.
/// The client's ids are logged, stored with the request and may be echoed, so one that is not
/// printable ASCII (or is over <see cref="ArmHeaders.MaxRequestIdLength"/> characters) is refused
/// with a 400 CloudError before anything else runs.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ConnectionRequests.Enter(context);
        var requestId = Guid.NewGuid().ToString();
        var request = context.Request;
        var clientRequestId = request.Headers[ArmHeaders.ClientRequestId].ToString();
        var correlationRequestId = request.Headers[ArmHeaders.CorrelationRequestId].ToString();
        var invalid = new[] { (Name: ArmHeaders.ClientRequestId, Value: clientRequestId), (Name: ArmHeaders.CorrelationRequestId, Value: correlationRequestId) }
            .FirstOrDefault(h => !ArmHeaders.IsValidRequestId(h.Value)).Name;

        context.Response.Headers[ArmHeaders.RequestId] = requestId;
        if (invalid is null && clientRequestId.Length > 0 && string.Equals(request.Headers[ArmHeaders.ReturnClientRequestId], "true", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers[ArmHeaders.ClientRequestId] = clientRequestId;
        }

        // MsRequestId (x-ms-request-id): ASP.NET Core's own scope already has a RequestId field.
        using var scope = invalid is null
            ? logger.BeginScope("requestId={MsRequestId} correlationRequestId={CorrelationRequestId} clientRequestId={ClientRequestId}", requestId, correlationRequestId, clientRequestId)
            : logger.BeginScope("requestId={MsRequestId}", requestId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (invalid is not null)
            {
                await ArmResponses.WriteErrorAsync(
                    context,
                    CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"The header '{invalid}' must be at most {ArmHeaders.MaxRequestIdLength} printable ASCII characters.", invalid)).ConfigureAwait(false);
                return;
            }

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
