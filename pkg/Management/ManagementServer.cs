using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Rp.Env;

namespace Rp.Management;

/// <summary>
/// The management listener: a Kestrel server of its own, apart from the ARM listener (and present
/// in every role, also those that serve no ARM request), with <c>/healthz/live</c>,
/// <c>/healthz/ready</c> and <c>/metrics</c>. It serves the process's own health checks and
/// meter provider. Registered before every other hosted service, it stops last, so readiness
/// stays observable while the process drains.
/// </summary>
internal sealed partial class ManagementServer(
    HealthCheckService health,
    MeterProvider meters,
    ILoggerFactory loggerFactory,
    IOptions<ManagementOptions> options,
    ILogger<ManagementServer> logger) : IHostedService, IAsyncDisposable
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string MetricsPath = "/metrics";

    private WebApplication? app;

    /// <summary>Where it listens once started; empty when disabled.</summary>
    public IReadOnlyCollection<string> Addresses { get; private set; } = [];

    /// <summary>Whether a request is one of the management endpoints' (they are neither traced nor counted as API traffic).</summary>
    public static bool IsManagementPath(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = options.Value.Urls;
        if (string.IsNullOrWhiteSpace(urls))
        {
            LogDisabled(logger);
            return;
        }

        // An empty builder: none of the process's configuration (its URLs, Kestrel endpoints,
        // certificates) applies to this listener.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<ILoggerFactory>(new ManagementLoggerFactory(loggerFactory));
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, ManagementLifetime>();
        builder.Services.AddSingleton(health);
        var application = builder.Build();
        application.Use((context, next) =>
        {
            var metrics = context.Features.Get<IHttpMetricsTagsFeature>();
            if (metrics is not null)
            {
                metrics.MetricsDisabled = true;
            }

            return next(context);
        });
        application.UseRouting();
        application.MapHealthChecks(LivePath, Endpoint(HealthTags.Live));
        application.MapHealthChecks(ReadyPath, Endpoint(HealthTags.Ready));
        application.MapPrometheusScrapingEndpoint(MetricsPath, meters, configureBranchedPipeline: null, optionsName: null);
        await application.StartAsync(cancellationToken).ConfigureAwait(false);
        app = application;
        Addresses = [.. application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        LogListening(logger, string.Join(";", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Every check with <paramref name="tag"/>; 503 unless all are healthy; the JSON detail of each.</summary>
    private static HealthCheckOptions Endpoint(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = HealthReportWriter.WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener (health, readiness, metrics) on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener disabled (Management:Urls is empty)")]
    private static partial void LogDisabled(ILogger logger);
}
