using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rp.Backend.Installer;
using Rp.Backend.Worker;

namespace Rp.Backend;

public static class BackendServiceCollectionExtensions
{
    /// <summary>The backend role: its workers and the local installer. The database and queue are registered by their own projects.</summary>
    public static IServiceCollection AddRpBackend(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackendOptions>().Bind(configuration.GetSection(BackendOptions.SectionName));
        services.AddOptions<InstallerOptions>().Bind(configuration.GetSection(InstallerOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddRpLocalInstaller();
        services.TryAddSingleton<MessageProcessor>();
        services.AddHostedService<BackendService>();
        services.AddHostedService<SubscriptionCascade>();
        return services;
    }
}
