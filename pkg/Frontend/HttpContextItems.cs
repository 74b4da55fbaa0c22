using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Rp.Api;

namespace Rp.Frontend;

/// <summary>What the middleware hands to the handlers through <see cref="HttpContext.Items"/>.</summary>
internal static class HttpContextItems
{
    private const string ApiVersionKey = "rp.apiVersion";
    private const string BodyKey = "rp.body";
    private const string UnregisteredSubscriptionKey = "rp.unregisteredSubscription";

    public static void SetApiVersion(this HttpContext context, IApiVersion version) => context.Items[ApiVersionKey] = version;

    public static IApiVersion GetApiVersion(this HttpContext context) =>
        context.Items[ApiVersionKey] as IApiVersion ?? throw new InvalidOperationException("The api-version middleware did not run.");

    public static void SetBody(this HttpContext context, JToken? body) => context.Items[BodyKey] = body;

    public static JToken? GetBody(this HttpContext context) => context.Items[BodyKey] as JToken;

    /// <summary>Development mode: the (canonical) id of the unknown subscription this write registers if it is accepted.</summary>
    public static void SetUnregisteredSubscription(this HttpContext context, string? subscriptionId) => context.Items[UnregisteredSubscriptionKey] = subscriptionId;

    public static string? GetUnregisteredSubscription(this HttpContext context) => context.Items[UnregisteredSubscriptionKey] as string;

    /// <summary>The request body as a JSON object; 400 when it is missing or not an object.</summary>
    public static JObject GetObjectBody(this HttpContext context) =>
        context.GetBody() as JObject
        ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, "The request body must be a JSON object.");
}
