using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Rp.Env;
using Xunit;

namespace Rp.Management.Tests;

public sealed class ManagementServerTests
{
    public static TheoryData<string, HealthStatus, HttpStatusCode> ComponentChecks => new()
    {
        { "healthy", HealthStatus.Healthy, HttpStatusCode.OK },
        { "degraded", HealthStatus.Degraded, HttpStatusCode.ServiceUnavailable },
        { "unhealthy", HealthStatus.Unhealthy, HttpStatusCode.ServiceUnavailable },
    };

    [Theory]
    [MemberData(nameof(ComponentChecks))]
    public async Task Ready_ACheckAnotherComponentTaggedReady_DecidesTheAnswerAndShowsItsDetail(string name, HealthStatus status, HttpStatusCode expected)
    {
        await using var host = await ManagementHost.StartAsync(servesArm: false, services: s => s.AddHealthChecks()
            .AddCheck("certificates", () => new HealthCheckResult(status, $"certificates {name}", data: new Dictionary<string, object> { ["expiresInDays"] = 12 }), tags: [HealthTags.Ready]));

        using var ready = await host.Http.GetAsync("/healthz/ready");
        using var live = await host.Http.GetAsync("/healthz/live");
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        ready.StatusCode.Should().Be(expected);
        ready.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        body["status"]!.GetValue<string>().Should().Be(status.ToString());
        body["checks"]!["certificates"]!["status"]!.GetValue<string>().Should().Be(status.ToString());
        body["checks"]!["certificates"]!["description"]!.GetValue<string>().Should().Be($"certificates {name}");
        body["checks"]!["certificates"]!["data"]!["expiresInDays"]!.GetValue<int>().Should().Be(12);
        body["checks"]!["drain"]!["status"]!.GetValue<string>().Should().Be("Healthy");
        live.StatusCode.Should().Be(HttpStatusCode.OK, "liveness runs no readiness check: a failing dependency is no reason to restart the process");
    }

    [Fact]
    public async Task Ready_ProcessStopping_ReportsNotReadyWhileAFrontendStillServesForTheDelay()
    {
        var host = await ManagementHost.StartAsync(servesArm: true, new Dictionary<string, string?> { ["Drain:Delay"] = "00:00:02", ["Drain:GracePeriod"] = "00:00:10" });
        using var before = await host.Http.GetAsync("/healthz/ready");
        var stopping = Stopwatch.StartNew();
        var stopped = host.Host.StopAsync();

        using var during = await host.Http.GetAsync("/healthz/ready");
        var answeredAfter = stopping.Elapsed;
        var body = JsonNode.Parse(await during.Content.ReadAsStringAsync())!;
        await stopped;
        var stoppedAfter = stopping.Elapsed;
        host.Http.Dispose();
        host.Host.Dispose();

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        during.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body["checks"]!["drain"]!["status"]!.GetValue<string>().Should().Be("Unhealthy");
        answeredAfter.Should().BeLessThan(TimeSpan.FromSeconds(2), "not ready is reported at once, during the delay");
        stoppedAfter.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "a process that serves ARM keeps serving for the delay");
    }

    [Fact]
    public async Task Metrics_AnRpMeter_IsServedInPrometheusTextFormat()
    {
        await using var host = await ManagementHost.StartAsync(servesArm: false);
        var meterFactory = host.Host.Services.GetRequiredService<IMeterFactory>();
        var meter = meterFactory.Create("Rp.ManagementTests");
        meter.CreateCounter<long>("rp.test.events", "{event}").Add(3, new KeyValuePair<string, object?>("rp.kind", "sample"));

        using var response = await host.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        text.Should().Contain("# TYPE rp_test_events_total counter").And.Contain("rp_test_events_total{otel_scope_name=\"Rp.ManagementTests\",rp_kind=\"sample\"} 3");
        text.Should().Contain("dotnet_gc_collections_total{", "the runtime's own metrics are served too");
    }

    [Fact]
    public async Task Listener_ManagementUrlsEmpty_OpensNoListener()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Management:Urls"] = "";
        builder.AddRpManagement("test", servesArm: false);
        using var host = builder.Build();
        await host.StartAsync();

        var server = host.Services.GetServices<IHostedService>().OfType<ManagementServer>().Single();
        await host.StopAsync();

        server.Addresses.Should().BeEmpty();
    }
}
