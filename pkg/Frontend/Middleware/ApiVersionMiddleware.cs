using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Rp.Api;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Checks the <c>api-version</c> query parameter against what the matched route serves, and adds
/// the accepted one to the request's HTTP server metrics.
/// </summary>
internal sealed class ApiVersionMiddleware(RequestDelegate next, ApiVersions versions)
{
    public const string SubscriptionNotificationVersion = "2.0";

    public const string AdminVersion = "admin";

    public Task InvokeAsync(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>();
        if (policy is null)
        {
            return next(context);
        }

        var requested = context.Request.Query["api-version"].ToString();
        if (requested.Length == 0)
        {
            throw CloudError.BadRequest(CloudErrorCodes.MissingApiVersionParameter, "The api-version query parameter (?api-version=) is required for all requests.");
        }

        if (policy.ApiVersions == ApiVersionRule.Preflight)
        {
            return next(context);
        }

        var only = policy.ApiVersions switch
        {
            ApiVersionRule.SubscriptionNotification => SubscriptionNotificationVersion,
            ApiVersionRule.Admin => AdminVersion,
            _ => null,
        };
        if (only is not null)
        {
            if (requested != only)
            {
                throw Invalid(requested, [only]);
            }

            context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(FrontendTelemetry.ApiVersionTag, only));
            return next(context);
        }

        var supported = versions.Values.Where(v => policy.ApiVersions switch
        {
            ApiVersionRule.ClusterCredentialsGet => v.SupportsCredentialsGet,
            ApiVersionRule.ClusterAdminCredentials => v.SupportsAdminCredentials,
            _ => true,
        }).ToList();

        var version = supported.FirstOrDefault(v => string.Equals(v.Name, requested, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(requested, supported.Select(v => v.Name));
        context.SetApiVersion(version);
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(FrontendTelemetry.ApiVersionTag, version.Name));
        return next(context);
    }

    private static CloudError Invalid(string requested, IEnumerable<string> supported) =>
        CloudError.BadRequest(
            CloudErrorCodes.InvalidApiVersionParameter,
            $"The resource type '{OpenShiftCluster.ResourceType}' does not support the api-version '{requested}' on this path. The supported api-versions are '{string.Join(", ", supported)}'.");
}
