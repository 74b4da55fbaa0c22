using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rp.Backend.Installer;

public static class InstallerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the local <see cref="IClusterInstaller"/>. Binds no configuration: the host
    /// configures <see cref="InstallerOptions"/> (e.g. from section <see cref="InstallerOptions.SectionName"/>).
    /// </summary>
    public static IServiceCollection AddRpLocalInstaller(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<InstallerOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClusterInstaller, LocalClusterInstaller>();
        return services;
    }
}
