using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Database.Serialization;
using Rp.Env;

namespace Rp.Database.Cosmos;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CosmosDatabase"/> and its ports (<see cref="IOpenShiftClusters"/>,
    /// <see cref="ISubscriptions"/>, <see cref="IAsyncOperations"/>, <see cref="ILeases"/>). The
    /// caller registers <see cref="DocumentSerializer"/>, binds <see cref="CosmosOptions"/> and may
    /// register a <see cref="TimeProvider"/> (else the system clock) and a <see cref="TokenCredential"/>
    /// (used without a key; else <c>DefaultAzureCredential</c>).
    /// </summary>
    public static IServiceCollection AddRpCosmosDatabase(this IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton(sp => new CosmosDatabase(
            sp.GetRequiredService<IOptions<CosmosOptions>>().Value,
            sp.GetRequiredService<DocumentSerializer>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<TokenCredential>(),
            sp.GetService<ILogger<CosmosDatabase>>(),
            sp.GetService<PollSignals>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<CosmosDatabase>().OpenShiftClusters);
        services.TryAddSingleton(sp => sp.GetRequiredService<CosmosDatabase>().Subscriptions);
        services.TryAddSingleton(sp => sp.GetRequiredService<CosmosDatabase>().AsyncOperations);
        services.TryAddSingleton(sp => sp.GetRequiredService<CosmosDatabase>().Leases);
        return services;
    }
}
