using Microsoft.AspNetCore.Builder;
using Rp.Frontend.Middleware;

namespace Rp.Frontend;

public static class FrontendApplicationBuilderExtensions
{
    /// <summary>The middleware, in the one order they run in.</summary>
    public static IApplicationBuilder UseRpFrontend(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ClientCertificateMiddleware>();
        app.UseMiddleware<AdminAuditMiddleware>();
        app.UseMiddleware<ApiVersionMiddleware>();
        app.UseMiddleware<BodyMiddleware>();
        app.UseMiddleware<SubscriptionStateMiddleware>();
        return app;
    }
}
