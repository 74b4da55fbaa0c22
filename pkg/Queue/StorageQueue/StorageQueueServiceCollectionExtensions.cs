using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rp.Queue.StorageQueue;

public static class StorageQueueServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageWorkQueue"/> as the <see cref="IWorkQueue"/>. The caller binds
    /// <see cref="StorageQueueOptions"/> and <see cref="QueueOptions"/> (the queue's name) and may
    /// register a <see cref="TokenCredential"/> (used without a connection string; else
    /// <c>DefaultAzureCredential</c>).
    /// </summary>
    public static IServiceCollection AddRpStorageQueue(this IServiceCollection services)
    {
        services.AddOptions();
        services.TryAddSingleton<IWorkQueue>(sp => StorageWorkQueue.Create(
            sp.GetRequiredService<IOptions<StorageQueueOptions>>().Value,
            sp.GetRequiredService<IOptions<QueueOptions>>().Value.Name,
            () => sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(),
            sp.GetService<ILogger<StorageWorkQueue>>()));
        return services;
    }
}
