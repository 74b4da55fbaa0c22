using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rp.Api;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Refuses route values ARM never sends, on every route, before anything reads them: a
/// subscription id that is not a GUID in the "D" form (400 <c>InvalidSubscriptionId</c>) and a
/// location that is not a region name (400 <c>InvalidParameter</c>). Resource group and cluster
/// names are checked where a cluster is created (<see cref="ClusterPlacement"/>); elsewhere a name
/// no cluster can have simply finds nothing.
/// </summary>
internal sealed class RouteValuesMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>() is not null)
        {
            if (context.GetRouteValue("subscriptionId") is string subscriptionId)
            {
                SubscriptionIds.Parse(subscriptionId);
            }

            if (context.GetRouteValue("location") is string location && !Locations.IsName(location))
            {
                throw CloudError.InvalidParameter(Locations.Target, $"The location '{location}' in the URL is not a region name: expected lowercase letters and digits, such as 'eastus'.");
            }
        }

        return next(context);
    }
}
