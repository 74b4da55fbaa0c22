using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rp.Env;
using Rp.Queue.Forwarder;
using Rp.Queue.Sqlite;
using Rp.Queue.StorageQueue;

namespace Rp.Queue;

public static class QueueServiceCollectionExtensions
{
    /// <summary>The work queue chosen by <c>Queue:Provider</c> (SQLite by default).</summary>
    public static IServiceCollection AddRpQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.SectionName));
        services.AddOptions<DequeueLimitOptions>().Bind(configuration.GetSection(DequeueLimitOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        var provider = configuration.GetSection(QueueOptions.SectionName)[nameof(QueueOptions.Provider)] ?? QueueProviders.Sqlite;
        if (provider.Equals(QueueProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddRpSqliteQueue();
        }
        else if (provider.Equals(QueueProviders.StorageQueue, StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<StorageQueueOptions>().Bind(configuration.GetSection(StorageQueueOptions.SectionName));
            services.AddRpStorageQueue();
        }
        else
        {
            throw new InvalidOperationException($"Unknown Queue:Provider '{provider}': use '{QueueProviders.Sqlite}' or '{QueueProviders.StorageQueue}'.");
        }

        return services;
    }

    /// <summary>
    /// For a role that cannot work without the queue (forwarder, backend): the sampler of its
    /// backlog for metrics, and the readiness check that it answers (<c>queue</c>, tagged
    /// <c>ready</c>). A frontend only reads the queue's status for the admin API: it takes ARM's
    /// requests while the queue is out, so the queue is not part of its readiness. Registering it
    /// twice (both roles in one process) adds it once.
    /// </summary>
    public static IServiceCollection AddRpQueueMonitoring(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(QueueMonitoringMarker)))
        {
            return services;
        }

        services.AddSingleton<QueueMonitoringMarker>();
        services.AddMetrics();
        services.AddHostedService<QueueMonitor>();

        // A request the queue does not answer in time counts as not answering.
        services.AddHealthChecks().AddCheck<QueueHealthCheck>("queue", tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>The forwarder role, and its readiness checks (<c>forwarder</c> and <c>queue</c>, tagged <c>ready</c>).</summary>
    public static IServiceCollection AddRpForwarder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRpQueueMonitoring();
        services.AddOptions<ForwarderOptions>().Bind(configuration.GetSection(ForwarderOptions.SectionName));
        services.AddOptions<DrainOptions>().Bind(configuration.GetSection(DrainOptions.SectionName));
        services.TryAddSingleton<ForwarderStatus>();
        services.TryAddSingleton<PollSignals>();
        services.AddHostedService<Forwarder.Forwarder>();
        services.AddHealthChecks().AddCheck<ForwarderHealthCheck>("forwarder", tags: [HealthTags.Ready]);
        return services;
    }

    private sealed class QueueMonitoringMarker;
}
