using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Env;
using Rp.Frontend.Admin;
using Rp.Frontend.Authentication;
using Rp.Frontend.Handlers;
using Rp.Frontend.Middleware;
using Rp.Frontend.Preflight;
using Rp.Frontend.Quotas;
using Rp.Frontend.Server;

namespace Rp.Frontend;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>
    /// The frontend's handlers and options, the deployment preflight, the admin API, quotas, and in
    /// production the client certificate authentication. The database, queue and api-versions are
    /// registered by their own projects. In development mode an unset
    /// <c>Frontend:RetryAfterSeconds</c> is <see cref="FrontendOptions.DevelopmentRetryAfterSeconds"/>.
    /// </summary>
    public static IServiceCollection AddRpFrontend(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(FrontendOptions.SectionName);
        services.AddOptions<FrontendOptions>()
            .Bind(section)
            .PostConfigure<IOptions<RpOptions>>((frontend, rp) =>
            {
                if (rp.Value.Mode == RpMode.Development && section[nameof(FrontendOptions.RetryAfterSeconds)] is null)
                {
                    frontend.RetryAfterSeconds = FrontendOptions.DevelopmentRetryAfterSeconds;
                }
            })
            .Validate(frontend => frontend.RetryAfterSeconds >= 1, $"{FrontendOptions.SectionName}:{nameof(FrontendOptions.RetryAfterSeconds)} must be at least 1.")
            .Validate(o => o.SupportedLocationNames().Count > 0 && o.SupportedLocationNames().All(Locations.IsName), $"{FrontendOptions.SectionName}:{nameof(FrontendOptions.SupportedLocations)} must be comma-separated region names (lowercase letters and digits).")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<FrontendOptions>>((kestrel, frontend) =>
        {
            var limits = frontend.Value;
            kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = limits.MaxRequestHeaderCount;
            kestrel.ConfigureEndpointDefaults(listen => listen.UseCloudErrorBodies(limits));
        });
        services.AddOptions<QuotaOptions>().Bind(configuration.GetSection(QuotaOptions.SectionName));
        services.AddRpClientCertificates(configuration);
        services.AddLogging(logging => logging.AddFilter(AdminAuditMiddleware.Category, LogLevel.Information));
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SkipTokens>();
        services.TryAddSingleton<ClusterPlacement>();
        services.TryAddSingleton<SubscriptionRegistration>();
        services.TryAddSingleton<RenderedClusters>();
        services.TryAddSingleton<SubscriptionStateCache>();
        services.TryAddSingleton<AsyncOperationStatus>();
        services.TryAddSingleton<OpenShiftClusterGet>();
        services.TryAddSingleton<ClusterRequestValidator>();
        services.TryAddSingleton<OpenShiftClusterPutOrPatch>();
        services.TryAddSingleton<OpenShiftClusterDelete>();
        services.TryAddSingleton<OpenShiftClusterList>();
        services.TryAddSingleton<OpenShiftClusterCredentials>();
        services.TryAddSingleton<AsyncOperationsStatusGet>();
        services.TryAddSingleton<AsyncOperationResultGet>();
        services.TryAddSingleton<OperationsList>();
        services.TryAddSingleton<SubscriptionPut>();
        services.TryAddSingleton<DeploymentPreflight>();
        services.TryAddSingleton<QuotaChecker>();
        services.TryAddSingleton<AdminClusterList>();
        services.TryAddSingleton<AdminClusterGet>();
        services.TryAddSingleton<AdminAsyncOperationList>();
        services.TryAddSingleton<AdminClusterRequeue>();
        services.TryAddSingleton<AdminClusterRetry>();
        services.TryAddSingleton<AdminClusterCancel>();
        services.TryAddSingleton<AdminQueueGet>();
        services.TryAddSingleton<AdminSubscriptionList>();
        services.TryAddSingleton<AdminSubscriptionQuotaPut>();
        return services;
    }
}
