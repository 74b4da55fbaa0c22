using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;

namespace Rp.Frontend.Handlers;

/// <summary>List clusters of a subscription or of a resource group: <c>{value, nextLink}</c>, paged by <c>$top</c> and a sealed <c>$skipToken</c>.</summary>
internal sealed class OpenShiftClusterList(IOpenShiftClusters clusters, SkipTokens skipTokens, IOptions<FrontendOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var subscriptionId = (string)context.GetRouteValue("subscriptionId")!;
        var resourceGroup = context.GetRouteValue("resourceGroupName") as string;
        var prefix = resourceGroup is null ? ResourceId.SubscriptionPrefix(subscriptionId) : ResourceId.ResourceGroupPrefix(subscriptionId, resourceGroup);
        var query = context.Request.Query;
        var top = PageSizes.Parse(query["$top"].ToString(), options.Value);
        var skipToken = query["$skipToken"].ToString();
        var continuation = skipToken.Length == 0 ? null : skipTokens.Open(prefix, skipToken);

        var page = await clusters.ListAsync(subscriptionId.ToLowerInvariant(), prefix, continuation, top, context.RequestAborted).ConfigureAwait(false);
        var version = context.GetApiVersion();
        var result = new JObject { ["value"] = new JArray(page.Items.Select(d => ClusterRepresentation.Render(version, d))) };
        if (page.Continuation is not null)
        {
            var next = $"{context.PublicBaseUrl()}{context.Request.Path}?api-version={Uri.EscapeDataString(version.Name)}&$skipToken={Uri.EscapeDataString(skipTokens.Seal(prefix, page.Continuation))}";
            if (query.ContainsKey("$top"))
            {
                next += $"&$top={top.ToString(CultureInfo.InvariantCulture)}";
            }

            result["nextLink"] = next;
        }

        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
    }
}
