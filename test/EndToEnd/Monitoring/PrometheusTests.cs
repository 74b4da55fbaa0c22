using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// The RP's roles on the emulators, scraped by a real Prometheus through the committed scrape
/// configuration: after creates and deletes, every metric family answers PromQL with the
/// expected counts, and every query of the committed dashboard runs on metrics that exist.
/// </summary>
public sealed partial class PrometheusTests(EmulatorsFixture emulators, ITestOutputHelper output) : IClassFixture<EmulatorsFixture>
{
    private const int Creates = 6;
    private const int Deletes = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Prometheus_ScrapingEveryRoleAfterCreatesAndDeletes_AnswersEveryMetricFamilyAndTheDashboard()
    {
        using var dir = new TempDirectory();
        var settings = new Dictionary<string, string>(EmulatorSettings.Create(emulators)) { ["Installer:PhaseDuration"] = "00:00:00.050" };
        var processes = new List<RpProcess>();
        PrometheusServer? prometheus = null;
        try
        {
            await RpProcesses.StartRolesAsync(processes, dir.Path, settings, "frontend", "forwarder", "backend");
            prometheus = await PrometheusServer.StartAsync(processes.Select(p => p.ManagementUrl));
            await Poll.UntilAsync(prometheus.TargetHealthAsync, t => t.Count == 3 && t.Values.All(h => h == "up"), Deadline, "Prometheus scraping the three processes");

            using var client = new RpClient(processes[0].Url!);
            var pullSecret = new TestPullSecret();
            var subscription = Guid.NewGuid().ToString();
            var clusters = Enumerable.Range(0, Creates).Select(i => new ClusterRef(subscription, "monitoring", $"cluster{i}")).ToList();
            foreach (var cluster in clusters)
            {
                (await client.PutClusterAsync(cluster, pullSecret.Base64)).StatusCode.Should().Be(HttpStatusCode.Created);
            }

            foreach (var cluster in clusters)
            {
                await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.ProvisioningState == "Succeeded", Deadline, $"{cluster.Name} Succeeded");
            }

            foreach (var cluster in clusters.Take(Deletes))
            {
                (await client.DeleteClusterAsync(cluster)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            }

            foreach (var cluster in clusters.Take(Deletes))
            {
                await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.StatusCode == HttpStatusCode.NotFound, Deadline, $"{cluster.Name} deleted");
            }

            // Counts: each as the RP counted it, once Prometheus has scraped the last of it.
            var expected = new Dictionary<string, double>
            {
                ["""sum(rp_operations_started_total{rp_operation_type="create"})"""] = Creates,
                ["""sum(rp_operations_started_total{rp_operation_type="delete"})"""] = Deletes,
                ["""sum(rp_operations_finished_total{rp_operation_type="create", rp_operation_result="Succeeded"})"""] = Creates,
                ["""sum(rp_operations_finished_total{rp_operation_type="delete", rp_operation_result="Succeeded"})"""] = Deletes,
                ["""sum(rp_operation_duration_seconds_count)"""] = Creates + Deletes,
                ["""sum(http_server_request_duration_seconds_count{http_request_method="PUT", http_response_status_code="201", rp_api_version="2019-12-31-preview"})"""] = Creates,
                ["""sum(http_server_request_duration_seconds_count{http_request_method="DELETE", http_response_status_code="202"})"""] = Deletes,
                ["""sum(rp_install_phase_duration_seconds_count{rp_install_phase="domain", rp_install_phase_result="succeeded"})"""] = Creates,
                ["""sum(rp_forwarder_lease_takeovers_total)"""] = 1,
                ["""sum(rp_backend_lease_takeovers_total)"""] = 0,
                ["""sum(rp_backend_heartbeats_lost_total)"""] = 0,
                ["""sum(rp_backend_documents_exhausted_total)"""] = 0,
                ["""sum(rp_backend_workers_busy)"""] = 0,
                ["""sum(rp_queue_depth)"""] = 0,
            };
            foreach (var (query, value) in expected)
            {
                await Poll.UntilAsync(() => prometheus.ScalarAsync(query), v => v == value, Deadline, $"{query} == {value}");
            }

            // Histograms and counters that must have seen something, whatever the exact number.
            string[] nonEmpty =
            [
                """http_server_request_duration_seconds_bucket{http_route!="", le="+Inf"}""",
                """rp_operation_duration_seconds_bucket{le="+Inf"}""",
                """rp_install_phase_duration_seconds_bucket{le="+Inf"}""",
                """rp_forwarder_lag_seconds_bucket{le="+Inf"}""",
                """rp_forwarder_documents_forwarded_total""",
                """db_client_operation_duration_seconds_bucket{db_system_name="azure.cosmosdb", le="+Inf"}""",
                """azure_cosmosdb_client_operation_request_charge_bucket{le="+Inf"}""",
            ];
            foreach (var selector in nonEmpty)
            {
                (await prometheus.ScalarAsync($"sum({selector})")).Should().BeGreaterThan(0, selector);
            }

            // At least one forward per request (a lost clear forwards a document again), once
            // Prometheus has scraped the forwarder after its last one: its scrapes are its own,
            // not those of the processes whose counts are awaited above.
            await Poll.UntilAsync(() => prometheus.ScalarAsync("sum(rp_forwarder_documents_forwarded_total)"), v => v >= Creates + Deletes, Deadline, $"at least {Creates + Deletes} documents forwarded");
            (await prometheus.QueryAsync("rp_queue_oldest_message_age_seconds")).Should().NotBeEmpty("the backlog's age is sampled");

            await DashboardQueriesRunAsync(prometheus);
        }
        finally
        {
            RpProcesses.WriteLogs(output, processes, lines: 20);
            if (prometheus is not null)
            {
                await prometheus.DisposeAsync();
            }

            await RpProcesses.DisposeAllAsync(processes);
        }
    }

    /// <summary>Every query of the committed dashboard is valid PromQL and names only metrics Prometheus has.</summary>
    private async Task DashboardQueriesRunAsync(PrometheusServer prometheus)
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploy", "monitoring", "rp-dashboard.json")))!;
        var expressions = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray())
            .Select(t => t!["expr"]!.GetValue<string>())
            .ToList();
        expressions.Should().HaveCountGreaterThan(10);
        var names = await prometheus.MetricNamesAsync();
        foreach (var expression in expressions)
        {
            output.WriteLine($"dashboard: {expression}");
            await prometheus.QueryAsync(expression);
            var metrics = MetricSelector().Matches(expression).Select(m => m.Groups[1].Value).ToList();
            metrics.Should().NotBeEmpty($"'{expression}' selects a metric");
            names.Should().Contain(metrics, $"'{expression}' must only use metrics the RP exports");
        }
    }

    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex MetricSelector();
}
