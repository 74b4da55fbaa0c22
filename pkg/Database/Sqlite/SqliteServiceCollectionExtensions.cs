using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rp.Env;

namespace Rp.Database.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// The embedded database: the four containers in one SQLite file (<see cref="DatabaseOptions.SqlitePath"/>,
    /// else <c>rp.db</c> in the data directory). Needs <c>IOptions&lt;DatabaseOptions&gt;</c>,
    /// <c>IOptions&lt;RpOptions&gt;</c> and a <see cref="Serialization.DocumentSerializer"/>.
    /// </summary>
    public static IServiceCollection AddRpSqliteDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PollSignals>();
        services.TryAddSingleton<SqliteDocumentStore>();
        services.TryAddSingleton<IOpenShiftClusters, SqliteOpenShiftClusters>();
        services.TryAddSingleton<ISubscriptions, SqliteSubscriptions>();
        services.TryAddSingleton<IAsyncOperations, SqliteAsyncOperations>();
        services.TryAddSingleton<ILeases, SqliteLeases>();
        return services;
    }
}
