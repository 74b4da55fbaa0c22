using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Frontend.Json;
using Rp.Frontend.Preflight;

namespace Rp.Frontend;

/// <summary>The one place responses are written: JSON bodies and CloudErrors.</summary>
internal static class ArmResponses
{
    public static Task WriteJsonAsync(HttpContext context, int statusCode, JToken body) =>
        WriteBytesAsync(context, statusCode, ArmJson.ToUtf8(body));

    /// <summary>A JSON body already in UTF-8.</summary>
    public static async Task WriteBytesAsync(HttpContext context, int statusCode, byte[] json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteStatusAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A CloudError as its status and body; on a route that answers failures as a preflight result,
    /// as 200 <c>{"status":"Failed","error":{...}}</c> instead (ARM reads only that from preflight).
    /// </summary>
    public static Task WriteErrorAsync(HttpContext context, CloudError error) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>() is { FailuresAsPreflightResult: true }
            ? WriteJsonAsync(context, StatusCodes.Status200OK, PreflightResults.Failed(error.Error))
            : WriteJsonAsync(context, error.StatusCode, ArmJson.FromObject(error));

    public static CloudError NotFound(ResourceId id) =>
        new(404, CloudErrorCodes.ResourceNotFound, $"The Resource '{ResourceId.ProviderNamespace}/{ResourceId.ResourceTypeName}/{id.Name}' under resource group '{id.ResourceGroup}' was not found.");
}
