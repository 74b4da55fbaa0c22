using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Rp.Frontend.Admin;
using Rp.Frontend.Authentication;
using Rp.Frontend.Handlers;
using Rp.Frontend.Middleware;
using Rp.Frontend.Quotas;

namespace Rp.Frontend;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>
    /// The frontend's handlers and options, the admin API, quotas, and in production the client
    /// certificate authentication. The database, queue and api-versions are registered by their
    /// own projects.
    /// </summary>
    public static IServiceCollection AddRpFrontend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FrontendOptions>().Bind(configuration.GetSection(FrontendOptions.SectionName));
        services.AddOptions<QuotaOptions>().Bind(configuration.GetSection(QuotaOptions.SectionName));
        services.AddOptions<AdminQueueOptions>().Bind(configuration.GetSection(AdminQueueOptions.SectionName));
        services.AddRpClientCertificates(configuration);
        services.AddLogging(logging => logging.AddFilter(AdminAuditMiddleware.Category, LogLevel.Information));
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SkipTokens>();
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
