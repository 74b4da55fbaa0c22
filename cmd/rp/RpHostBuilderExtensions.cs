using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Console;
using Rp.Api;
using Rp.Backend;
using Rp.Database;
using Rp.Frontend;
using Rp.Queue;

namespace Rp.Cmd;

internal static class RpHostBuilderExtensions
{
    /// <summary>Configuration, logging and the services of the chosen roles.</summary>
    public static void AddRp(this IHostApplicationBuilder builder, RpRoles roles, string[] args)
    {
        var configuration = builder.Configuration;
        var dataDir = Environment.GetEnvironmentVariable("RP_DATA_DIR");
        if (!string.IsNullOrEmpty(dataDir))
        {
            configuration.AddInMemoryCollection([new("Rp:DataDir", dataDir)]);
        }

        configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "Rp:DataDir" });

        builder.Logging.ClearProviders();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        var services = builder.Services;
        services.AddRpDatabase(configuration);

        // The frontend reads it too: the admin API reports the queue's status.
        services.AddRpQueue(configuration);

        if (roles.Frontend)
        {
            services.AddRpApiVersions();
            services.AddRpFrontend(configuration);
            if (builder is WebApplicationBuilder web)
            {
                web.ConfigureRpEndpoints();
            }
        }

        if (roles.Forwarder)
        {
            services.AddRpForwarder(configuration);
        }

        if (roles.Backend)
        {
            services.AddRpBackend(configuration);
        }
    }
}
