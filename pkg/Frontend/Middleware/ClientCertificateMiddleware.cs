using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Env;
using Rp.Frontend.Authentication;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Production: a request gets past here only with the TLS client certificate of the caller its
/// route is for (<see cref="EndpointPolicy.Caller"/>; unmatched paths by their prefix): ARM's on
/// ARM routes, an operator's on <c>/admin</c>. ASP.NET Core's certificate authentication decides
/// (schemes in <see cref="ClientCertificateSchemes"/>). No certificate: 401; another one: 403; both
/// logged with the certificate's subject and thumbprint, before any body is read. Only routes that
/// allow anonymous callers (the API description) need none. Development: everyone, as before.
/// </summary>
internal sealed partial class ClientCertificateMiddleware(RequestDelegate next, IOptions<RpOptions> rpOptions, IOptions<AdminAuthenticationOptions> adminOptions, ILogger<ClientCertificateMiddleware> logger)
{
    private readonly bool enforced = rpOptions.Value.Mode == RpMode.Production;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (!enforced || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var caller = endpoint?.Metadata.GetMetadata<EndpointPolicy>()?.Caller
            ?? (context.Request.Path.StartsWithSegments(Admin.AdminRoutes.Prefix, StringComparison.OrdinalIgnoreCase) ? Caller.Admin : Caller.Arm);
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
        if (certificate is null)
        {
            LogRefused(logger, caller, context.Request.Method, context.Request.Path, "-", "-", "no client certificate");
            throw new CloudError(401, CloudErrorCodes.Unauthorized, "The request has no client certificate.");
        }

        string? reason;
        if (caller == Caller.Admin && !adminOptions.Value.IsConfigured)
        {
            reason = "the admin API is not configured";
        }
        else
        {
            var result = await context.AuthenticateAsync(caller == Caller.Admin ? ClientCertificateSchemes.Admin : ClientCertificateSchemes.Arm).ConfigureAwait(false);
            if (result.Succeeded)
            {
                context.User = result.Principal;
                await next(context).ConfigureAwait(false);
                return;
            }

            reason = result.Failure?.Message ?? "not accepted";
        }

        LogRefused(logger, caller, context.Request.Method, context.Request.Path, certificate.Subject, certificate.Thumbprint, reason);
        throw new CloudError(403, CloudErrorCodes.Forbidden, caller == Caller.Admin
            ? "The client certificate is not an administrator's."
            : "The client certificate is not one Azure Resource Manager calls with.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Caller} request {Method} {Path}: certificate subject '{Subject}', thumbprint {Thumbprint}: {Reason}")]
    private static partial void LogRefused(ILogger logger, Caller caller, string method, string path, string subject, string thumbprint, string reason);
}
