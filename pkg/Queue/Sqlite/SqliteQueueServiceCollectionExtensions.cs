using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rp.Queue.Sqlite;

public static class SqliteQueueServiceCollectionExtensions
{
    /// <summary>
    /// The embedded work queue (<c>queue.db</c> in the data directory). Needs
    /// <c>IOptions&lt;QueueOptions&gt;</c> and <c>IOptions&lt;RpOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddRpSqliteQueue(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkQueue, SqliteWorkQueue>();
        return services;
    }
}
