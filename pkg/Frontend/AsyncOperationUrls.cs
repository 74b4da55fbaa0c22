using Microsoft.AspNetCore.Http;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>
/// The <c>Azure-AsyncOperation</c> and <c>Location</c> URLs of a request's operations. Made from
/// the request before anything is written, so that nothing can fail once it is: every part is
/// checked (the host) or the RP's own (api-version name, validated route values, operation id).
/// </summary>
internal sealed class AsyncOperationUrls
{
    private readonly string baseUrl;
    private readonly string apiVersion;

    private AsyncOperationUrls(string baseUrl, string apiVersion)
    {
        this.baseUrl = baseUrl;
        this.apiVersion = Uri.EscapeDataString(apiVersion);
    }

    /// <summary>The URLs for <paramref name="context"/>'s request; a 400 CloudError when its host cannot be used.</summary>
    public static AsyncOperationUrls Of(HttpContext context) => new(context.PublicBaseUrl(), context.GetApiVersion().Name);

    public static string ResultPath(string subscriptionId, string location, string operationId) =>
        $"/subscriptions/{subscriptionId}/providers/{ResourceId.ProviderNamespace}/locations/{Locations.Parse(location)}/operationResults/{operationId}";

    /// <summary>The <c>Location</c> URL of an operation.</summary>
    public string Result(string subscriptionId, string location, string operationId) =>
        $"{baseUrl}{ResultPath(subscriptionId, location, operationId)}?api-version={apiVersion}";

    /// <summary>Sets <c>Azure-AsyncOperation</c>, <c>Retry-After</c> and, when asked, <c>Location</c>.</summary>
    public void SetHeaders(HttpContext context, ResourceId id, string location, AsyncOperationDocument operation, bool withLocation, int retryAfterSeconds)
    {
        var headers = context.Response.Headers;
        headers[ArmHeaders.AzureAsyncOperation] = $"{baseUrl}{operation.AsyncOperation.Id}?api-version={apiVersion}";
        if (withLocation)
        {
            headers[ArmHeaders.Location] = Result(id.SubscriptionId, location, operation.Id);
        }

        SetRetryAfter(context, retryAfterSeconds);
    }

    /// <summary>Sets <c>Retry-After</c>: on every async response and every poll of a running operation.</summary>
    public static void SetRetryAfter(HttpContext context, int retryAfterSeconds) =>
        context.Response.Headers[ArmHeaders.RetryAfter] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
