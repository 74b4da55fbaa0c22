using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Rp.Env;

namespace Rp.Management;

public static class ManagementHostBuilderExtensions
{
    /// <summary>Every meter and activity source of the RP's own components is named <c>Rp.*</c>.</summary>
    public const string RpInstruments = "Rp.*";

    /// <summary>
    /// What makes a process of any role operable, in one place: console logs (text or JSON), the
    /// OpenTelemetry meters (served on <c>/metrics</c>) and, with an OTLP endpoint, traces and
    /// export; the health checks' endpoints on the management listener; and the orderly stop
    /// (not ready at once, <see cref="DrainOptions.Delay"/> more of serving when
    /// <paramref name="servesArm"/>, everything stopped within <see cref="DrainOptions.GracePeriod"/>).
    /// Call it before the roles' registrations, so the listener starts first and stops last.
    /// </summary>
    /// <param name="builder">The process's host builder.</param>
    /// <param name="role">The role(s) this process runs, a resource attribute of its telemetry.</param>
    /// <param name="servesArm">Whether this process serves ARM requests (the frontend).</param>
    public static IHostApplicationBuilder AddRpManagement(this IHostApplicationBuilder builder, string role, bool servesArm)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<ManagementOptions>().Bind(configuration.GetSection(ManagementOptions.SectionName));
        services.AddOptions<DrainOptions>().Bind(configuration.GetSection(DrainOptions.SectionName));
        var telemetry = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var mode = configuration.GetSection(RpOptions.SectionName).Get<RpOptions>()?.Mode ?? RpMode.Development;
        var drain = configuration.GetSection(DrainOptions.SectionName).Get<DrainOptions>() ?? new DrainOptions();

        AddLogging(builder.Logging, telemetry.LogFormat ?? (mode == RpMode.Production ? LogFormat.Json : LogFormat.Text));
        AddOpenTelemetry(services, role, telemetry);

        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<DrainHealthCheck>("drain", tags: [HealthTags.Ready]);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = drain.GracePeriod);
        services.AddHostedService<ManagementServer>();
        services.AddSingleton(sp => new DrainService(
            servesArm,
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DrainOptions>>(),
            sp.GetRequiredService<ILogger<DrainService>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DrainService>());
        return builder;
    }

    private static void AddLogging(ILoggingBuilder logging, LogFormat format)
    {
        logging.ClearProviders();
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Every probe's result would be an error line while a dependency is down or the process
        // drains; /healthz/ready reports them, and each component logs its own failures.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        if (format == LogFormat.Json)
        {
            // Trace and span ids join each line to its trace.
            logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
            return;
        }

        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
        logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
    }

    private static void AddOpenTelemetry(IServiceCollection services, string role, TelemetryOptions telemetry)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("rp", serviceInstanceId: InstanceId.New())
                .AddAttributes([new("rp.role", role)]))
            .WithMetrics(metrics => metrics
                .AddMeter(RpInstruments)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            return;
        }

        // Tracing only when traces go somewhere: it costs every request.
        otel.WithTracing(tracing => tracing
                .AddSource(RpInstruments)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !ManagementServer.IsManagementPath(context.Request.Path)))
            .UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, new Uri(telemetry.OtlpEndpoint));
    }
}
