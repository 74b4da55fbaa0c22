using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rp.Frontend.Admin;
using Rp.Frontend.Handlers;
using Rp.Frontend.Preflight;

namespace Rp.Frontend;

/// <summary>Every route ARM calls, in one place; the admin API's are in <see cref="AdminRoutes"/>.</summary>
public static class FrontendRoutes
{
    internal const string Provider = "providers/RedHat.OpenShift";
    internal const string Subscription = "/subscriptions/{subscriptionId}";
    private const string ResourceGroup = Subscription + "/resourceGroups/{resourceGroupName}";
    private const string Clusters = ResourceGroup + "/" + Provider + "/OpenShiftClusters";
    internal const string Cluster = Clusters + "/{resourceName}";
    private const string Locations = Subscription + "/" + Provider + "/locations/{location}";
    private const string Deployment = ResourceGroup + "/providers/Microsoft.Resources/deployments/{deploymentName}";

    public static IEndpointRouteBuilder MapRpFrontend(this IEndpointRouteBuilder routes)
    {
        Map<OpenShiftClusterGet>(routes, "GET", Cluster, ApiVersionRule.Cluster, SubscriptionAccess.Read, h => h.HandleAsync);
        Map<OpenShiftClusterPutOrPatch>(routes, "PUT", Cluster, ApiVersionRule.Cluster, SubscriptionAccess.Write, h => h.HandleAsync);
        Map<OpenShiftClusterPutOrPatch>(routes, "PATCH", Cluster, ApiVersionRule.Cluster, SubscriptionAccess.Write, h => h.HandleAsync);
        Map<OpenShiftClusterDelete>(routes, "DELETE", Cluster, ApiVersionRule.Cluster, SubscriptionAccess.Delete, h => h.HandleAsync);
        Map<OpenShiftClusterList>(routes, "GET", Clusters, ApiVersionRule.Cluster, SubscriptionAccess.Read, h => h.HandleAsync);
        Map<OpenShiftClusterList>(routes, "GET", Subscription + "/" + Provider + "/OpenShiftClusters", ApiVersionRule.Cluster, SubscriptionAccess.Read, h => h.HandleAsync);
        Map<OpenShiftClusterCredentials>(routes, "POST", Cluster + "/listCredentials", ApiVersionRule.Cluster, SubscriptionAccess.Write, h => h.HandleAsync);
        Map<OpenShiftClusterCredentials>(routes, "GET", Cluster + "/credentials", ApiVersionRule.ClusterCredentialsGet, SubscriptionAccess.Read, h => h.HandleAsync);
        Map<OpenShiftClusterCredentials>(routes, "POST", Cluster + "/listAdminCredentials", ApiVersionRule.ClusterAdminCredentials, SubscriptionAccess.Write, h => h.HandleAdminAsync);
        Map<AsyncOperationsStatusGet>(routes, "GET", Locations + "/operationsStatus/{operationId}", ApiVersionRule.Cluster, SubscriptionAccess.None, h => h.HandleAsync);
        Map<AsyncOperationResultGet>(routes, "GET", Locations + "/operationResults/{operationId}", ApiVersionRule.Cluster, SubscriptionAccess.None, h => h.HandleAsync);
        Map<OperationsList>(routes, "GET", "/" + Provider + "/operations", ApiVersionRule.Cluster, SubscriptionAccess.None, h => h.HandleAsync);
        Map<SubscriptionPut>(routes, "PUT", Subscription, ApiVersionRule.SubscriptionNotification, SubscriptionAccess.None, h => h.HandleAsync);

        // ARM's template deployments: always 200, the failures in the body.
        Map<DeploymentPreflight>(routes, "POST", Deployment + "/preflight", new EndpointPolicy(ApiVersionRule.Preflight, SubscriptionAccess.Validate, FailuresAsPreflightResult: true), h => h.HandleAsync);
        AdminRoutes.Map(routes);
        return routes;
    }

    /// <summary>Maps a route to its handler (a singleton) with the policy the middleware reads.</summary>
    internal static void Map<THandler>(IEndpointRouteBuilder routes, string method, string pattern, EndpointPolicy policy, Func<THandler, RequestDelegate> handler)
        where THandler : notnull =>
        routes.MapMethods(pattern, [method], (RequestDelegate)(context => handler(context.RequestServices.GetRequiredService<THandler>())(context)))
            .WithMetadata(policy);

    private static void Map<THandler>(IEndpointRouteBuilder routes, string method, string pattern, ApiVersionRule versions, SubscriptionAccess access, Func<THandler, RequestDelegate> handler)
        where THandler : notnull =>
        Map(routes, method, pattern, new EndpointPolicy(versions, access), handler);
}
