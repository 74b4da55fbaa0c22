using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rp.Database.Cosmos;
using Rp.Database.Serialization;
using Rp.Database.Sqlite;
using Rp.Env;

namespace Rp.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The document store chosen by <c>Database:Provider</c> (SQLite by default), its serializer,
    /// the secret protector, and the readiness check that the store answers (<c>database</c>,
    /// tagged <c>ready</c>). In development mode without configured keys, the encryption key lives
    /// in the data directory.
    /// </summary>
    public static IServiceCollection AddRpDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RpOptions>().Bind(configuration.GetSection(RpOptions.SectionName));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<EncryptionOptions>()
            .Bind(configuration.GetSection(EncryptionOptions.SectionName))
            .PostConfigure<IOptions<RpOptions>>((encryption, rp) =>
            {
                if (rp.Value.Mode == RpMode.Development && encryption.Keys.Count == 0)
                {
                    encryption.KeyFile ??= Path.Combine(rp.Value.DataDir, "encryption.key");
                }
            });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PollSignals>();
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.TryAddSingleton<DocumentSerializer>();

        var provider = configuration.GetSection(DatabaseOptions.SectionName)[nameof(DatabaseOptions.Provider)] ?? DatabaseProviders.Sqlite;
        if (provider.Equals(DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddRpSqliteDatabase();
        }
        else if (provider.Equals(DatabaseProviders.Cosmos, StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<CosmosOptions>().Bind(configuration.GetSection(CosmosOptions.SectionName));
            services.AddRpCosmosDatabase();
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}': use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.Cosmos}'.");
        }

        // A request the store does not answer in time counts as not answering.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(3));
        return services;
    }
}
