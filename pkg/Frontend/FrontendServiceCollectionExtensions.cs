using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Frontend.Handlers;
using Rp.Frontend.Server;

namespace Rp.Frontend;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>The frontend's handlers and options. The database and api-versions are registered by their own projects.</summary>
    public static IServiceCollection AddRpFrontend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FrontendOptions>()
            .Bind(configuration.GetSection(FrontendOptions.SectionName))
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
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SkipTokens>();
        services.TryAddSingleton<ClusterPlacement>();
        services.TryAddSingleton<SubscriptionRegistration>();
        services.TryAddSingleton<AsyncOperationStatus>();
        services.TryAddSingleton<OpenShiftClusterGet>();
        services.TryAddSingleton<OpenShiftClusterPutOrPatch>();
        services.TryAddSingleton<OpenShiftClusterDelete>();
        services.TryAddSingleton<OpenShiftClusterList>();
        services.TryAddSingleton<OpenShiftClusterCredentials>();
        services.TryAddSingleton<AsyncOperationsStatusGet>();
        services.TryAddSingleton<AsyncOperationResultGet>();
        services.TryAddSingleton<OperationsList>();
        services.TryAddSingleton<SubscriptionPut>();
        return services;
    }
}
