using Microsoft.AspNetCore.Hosting;
using Rp.Api;
using Rp.Backend;
using Rp.Database;
using Rp.Frontend;
using Rp.Management;
using Rp.Queue;

namespace Rp.Cmd;

internal static class RpHostBuilderExtensions
{
    /// <summary>Configuration, the management listener, telemetry and logging, and the services of the chosen roles.</summary>
    public static void AddRp(this IHostApplicationBuilder builder, RpRoles roles, string[] args)
    {
        var configuration = builder.Configuration;
        var dataDir = Environment.GetEnvironmentVariable("RP_DATA_DIR");
        if (!string.IsNullOrEmpty(dataDir))
        {
            configuration.AddInMemoryCollection([new("Rp:DataDir", dataDir)]);
        }

        configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "Rp:DataDir" });

        // First: its listener starts before, and stops after, every role's services.
        builder.AddRpManagement(roles.Name, servesArm: roles.Frontend);

        var services = builder.Services;
        services.AddRpDatabase(configuration);

        // The frontend reads it too (the admin API reports the queue's status and requeues), but
        // only the forwarder and the backend depend on it to be ready (AddRpQueueMonitoring).
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
