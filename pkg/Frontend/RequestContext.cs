using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>What handlers read from a request besides its body.</summary>
internal static class RequestContext
{
    public static ResourceId ClusterId(this HttpContext context) => new(
        (string)context.GetRouteValue("subscriptionId")!,
        (string)context.GetRouteValue("resourceGroupName")!,
        (string)context.GetRouteValue("resourceName")!);

    /// <summary>The request's ids and trace context, persisted with the operation it starts at <paramref name="acceptedAt"/>.</summary>
    public static CorrelationData Correlation(this HttpContext context, DateTimeOffset acceptedAt) => new()
    {
        CorrelationRequestId = NullIfEmpty(context.Request.Headers[ArmHeaders.CorrelationRequestId].ToString()),
        ClientRequestId = NullIfEmpty(context.Request.Headers[ArmHeaders.ClientRequestId].ToString()),
        RequestId = NullIfEmpty(context.Response.Headers[ArmHeaders.RequestId].ToString()),
        TraceParent = Activity.Current?.IdFormat == ActivityIdFormat.W3C ? Activity.Current.Id : null,
        TraceState = Activity.Current?.IdFormat == ActivityIdFormat.W3C ? Activity.Current.TraceStateString : null,
        AcceptedAt = acceptedAt,
    };

    /// <summary>ARM's <c>x-ms-arm-resource-system-data</c>; a malformed header is a client error.</summary>
    public static SystemData? SystemData(this HttpContext context)
    {
        var header = context.Request.Headers[ArmHeaders.SystemData].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<SystemData>(header, new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTimeOffset });
        }
        catch (JsonException)
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"The header '{ArmHeaders.SystemData}' is not valid JSON.", ArmHeaders.SystemData);
        }
    }

    /// <summary>
    /// Where async-operation URLs point: the host the client called through (ARM's, from
    /// <c>Referer</c>), else this request's own. Hosts are written in their ASCII form (an
    /// international name in punycode); a <c>Referer</c> that is no absolute http(s) URL is ignored.
    /// </summary>
    public static string PublicBaseUrl(this HttpContext context)
    {
        var referer = context.Request.Headers[ArmHeaders.Referer].ToString();
        if (Uri.TryCreate(referer, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && BaseUrl(uri.Scheme, new HostString(uri.Authority)) is { } armBaseUrl)
        {
            return armBaseUrl;
        }

        return BaseUrl(context.Request.Scheme, context.Request.Host)
            ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, "The request's Host header is not a valid host name.", "Host");
    }

    private static string? BaseUrl(string scheme, HostString host)
    {
        var authority = host.ToUriComponent();
        return host.HasValue && ArmHeaders.IsPrintableAscii(authority) && !authority.Any(c => c is ' ' or '/' or '?' or '#' or '\\' or '@')
            ? $"{scheme}://{authority}"
            : null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
