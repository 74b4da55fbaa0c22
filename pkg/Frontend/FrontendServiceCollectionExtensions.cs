using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rp.Frontend.Handlers;
using Rp.Frontend.Preflight;

namespace Rp.Frontend;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>The frontend's handlers and options. The database and api-versions are registered by their own projects.</summary>
    public static IServiceCollection AddRpFrontend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FrontendOptions>().Bind(configuration.GetSection(FrontendOptions.SectionName));
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SkipTokens>();
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
        return services;
    }
}
