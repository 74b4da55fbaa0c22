using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rp.Backend.Installer;
using Rp.Backend.Worker;
using Rp.Env;
using Rp.Queue;

namespace Rp.Backend;

public static class BackendServiceCollectionExtensions
{
    /// <summary>
    /// The backend role: its workers, the local installer and the workers' readiness check
    /// (<c>backend</c>, tagged <c>ready</c>). The database and queue are registered by their own projects.
    /// </summary>
    public static IServiceCollection AddRpBackend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackendOptions>().Bind(configuration.GetSection(BackendOptions.SectionName));
        services.AddOptions<InstallerOptions>().Bind(configuration.GetSection(InstallerOptions.SectionName));
        services.AddOptions<DrainOptions>().Bind(configuration.GetSection(DrainOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PollSignals>();
        services.AddRpLocalInstaller();
        services.TryAddSingleton<MessageProcessor>();
        services.TryAddSingleton<BackendWorkers>();
        services.AddHostedService<BackendService>();
        services.AddHostedService<SubscriptionCascade>();
        services.AddHealthChecks().AddCheck<BackendHealthCheck>("backend", tags: [HealthTags.Ready]);
        services.AddRpQueueMonitoring();
        return services;
    }
}
