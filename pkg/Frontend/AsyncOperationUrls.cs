using Microsoft.AspNetCore.Http;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>The <c>Azure-AsyncOperation</c> and <c>Location</c> URLs of an operation.</summary>
internal static class AsyncOperationUrls
{
    public static string ResultPath(string subscriptionId, string location, string operationId) =>
        $"/subscriptions/{subscriptionId}/providers/{ResourceId.ProviderNamespace}/locations/{AsyncOperationDocument.NormalizeLocation(location)}/operationResults/{operationId}";

    /// <summary>Sets <c>Azure-AsyncOperation</c>, <c>Retry-After</c> and, when asked, <c>Location</c>.</summary>
    public static void SetHeaders(HttpContext context, ResourceId id, string location, AsyncOperationDocument operation, bool withLocation, int retryAfterSeconds)
    {
        var baseUrl = context.PublicBaseUrl();
        var apiVersion = Uri.EscapeDataString(context.Request.Query["api-version"].ToString());
        var headers = context.Response.Headers;
        headers[ArmHeaders.AzureAsyncOperation] = $"{baseUrl}{operation.AsyncOperation.Id}?api-version={apiVersion}";
        if (withLocation)
        {
            headers[ArmHeaders.Location] = $"{baseUrl}{ResultPath(id.SubscriptionId, location, operation.Id)}?api-version={apiVersion}";
        }

        SetRetryAfter(context, retryAfterSeconds);
    }

    /// <summary>Sets <c>Retry-After</c>: on every async response and every poll of a running operation.</summary>
    public static void SetRetryAfter(HttpContext context, int retryAfterSeconds) =>
        context.Response.Headers[ArmHeaders.RetryAfter] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
