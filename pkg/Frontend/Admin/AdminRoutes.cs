using Microsoft.AspNetCore.Routing;

namespace Rp.Frontend.Admin;

/// <summary>
/// Every route of the admin API, in one place: under <c>/admin</c>, <c>api-version=admin</c>, an
/// operator's client certificate in production, every request audited.
/// </summary>
internal static class AdminRoutes
{
    public const string Prefix = "/admin";

    private const string Cluster = Prefix + FrontendRoutes.Cluster;
    private const string Subscriptions = Prefix + "/subscriptions";

    private static readonly EndpointPolicy Policy = new(ApiVersionRule.Admin, SubscriptionAccess.None, Caller.Admin);

    public static void Map(IEndpointRouteBuilder routes)
    {
        FrontendRoutes.Map<AdminClusterList>(routes, "GET", Prefix + "/" + FrontendRoutes.Provider + "/OpenShiftClusters", Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminClusterGet>(routes, "GET", Cluster, Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminAsyncOperationList>(routes, "GET", Cluster + "/asyncOperations", Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminClusterRequeue>(routes, "POST", Cluster + "/requeue", Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminClusterRetry>(routes, "POST", Cluster + "/retry", Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminClusterCancel>(routes, "POST", Cluster + "/cancel", Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminQueueGet>(routes, "GET", Prefix + "/queue", Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminSubscriptionList>(routes, "GET", Subscriptions, Policy, h => h.HandleAsync);
        FrontendRoutes.Map<AdminSubscriptionQuotaPut>(routes, "PUT", Subscriptions + "/{subscriptionId}/quota", Policy, h => h.HandleAsync);
    }
}
