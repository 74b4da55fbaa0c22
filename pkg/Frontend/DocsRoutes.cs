using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rp.Api;

namespace Rp.Frontend;

/// <summary>
/// The RP's API description, browsable: <c>GET /swagger/{version}/swagger.json</c> (the committed
/// spec of that api-version), the files it refers to, and <c>GET /docs</c> (Swagger UI over every
/// version's spec). These routes carry no <see cref="EndpointPolicy"/>, so they take no
/// api-version and touch no subscription, and allow anonymous callers: a published API
/// description needs no client certificate, even in production.
/// </summary>
public static class DocsRoutes
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapRpDocs(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var documents = ApiDocuments.Load();

        routes.MapMethods("/swagger/{version}/swagger.json", GetOrHead, context =>
            WriteAsync(context, documents.Spec(Route(context, "version")))).AllowAnonymous();
        routes.MapMethods("/swagger/{version}/examples/{file}", GetOrHead, context =>
            WriteAsync(context, documents.File(Route(context, "version"), "examples/" + Route(context, "file")))).AllowAnonymous();

        // The specs refer to the common types as ../../../../../common-types/...: seen from
        // /swagger/{version}/swagger.json, that is /common-types/... at the root.
        routes.MapMethods("/common-types/{**path}", GetOrHead, context =>
            WriteAsync(context, documents.CommonTypes(Route(context, "path")))).AllowAnonymous();

        var ui = routes.CreateApplicationBuilder();
        ui.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Azure Red Hat OpenShift RP API";
            foreach (var version in documents.Versions.Reverse())
            {
                options.SwaggerEndpoint($"/swagger/{version}/swagger.json", version);
            }

            // The specs describe the API as ARM serves it (management.azure.com): a page that
            // sent requests there from here would mislead, so it only shows.
            options.SupportedSubmitMethods();
            options.EnableDeepLinking();
        });
        ui.Run(context => throw NotFound(context));
        var docs = ui.Build();
        routes.MapMethods("/docs", GetOrHead, docs).AllowAnonymous();
        routes.MapMethods("/docs/{**path}", GetOrHead, docs).AllowAnonymous();
        return routes;
    }

    private static CloudError NotFound(HttpContext context) =>
        new(404, CloudErrorCodes.NotFound, $"The requested path '{context.Request.Path}' was not found.");

    private static string Route(HttpContext context, string name) => (string?)context.GetRouteValue(name) ?? "";

    private static async Task WriteAsync(HttpContext context, byte[]? content)
    {
        if (content is null)
        {
            throw NotFound(context);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
