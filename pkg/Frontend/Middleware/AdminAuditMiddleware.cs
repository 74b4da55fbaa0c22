using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Api;

namespace Rp.Frontend.Middleware;

/// <summary>
/// The admin API's audit trail: every admin request, with the operator's certificate subject and
/// thumbprint, its correlation id (the client's <c>x-ms-correlation-request-id</c>, else the
/// request id) and its outcome. The handlers' own lines carry the same identity in their scope.
/// </summary>
internal sealed partial class AdminAuditMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    /// <summary>The audit lines' category: written at Information whatever the default level is.</summary>
    public const string Category = "Rp.Audit";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>()?.Caller != Caller.Admin)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var certificate = context.Connection.ClientCertificate;
        var subject = certificate?.Subject ?? "(no client certificate: development mode)";
        var thumbprint = certificate?.Thumbprint ?? "-";
        var correlationId = context.Request.Headers[ArmHeaders.CorrelationRequestId].ToString() is { Length: > 0 } given
            ? given
            : context.Response.Headers[ArmHeaders.RequestId].ToString();
        using var scope = logger.BeginScope("adminSubject={AdminSubject} adminThumbprint={AdminThumbprint}", subject, thumbprint);
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        catch (CloudError e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            LogAudit(logger, context.Request.Method, context.Request.Path + context.Request.QueryString, subject, thumbprint, correlationId, status);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: admin {Method} {Target} by '{AdminSubject}' ({AdminThumbprint}), correlation {CorrelationId}: {StatusCode}")]
    private static partial void LogAudit(ILogger logger, string method, string target, string adminSubject, string adminThumbprint, string correlationId, int statusCode);
}
