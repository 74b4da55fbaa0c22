using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// One create followed across the frontend, forwarder and backend processes by the traces they
/// export over OTLP to a collector written for the test: the spans form one chain.
/// </summary>
public sealed class TraceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Create_AcrossThreeProcesses_IsOneTraceFromTheRequestThroughTheForwarderToEveryPhase()
    {
        using var dir = new TempDirectory();
        using var collector = new OtlpCollector();
        var settings = new Dictionary<string, string>
        {
            ["Telemetry:OtlpEndpoint"] = collector.Endpoint,
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["Installer:PhaseDuration"] = "00:00:00.020",
        };
        var processes = new List<RpProcess>();
        try
        {
            await RpProcesses.StartRolesAsync(processes, dir.Path, settings, "frontend", "forwarder", "backend");
            using var client = new RpClient(processes[0].Url!);
            var cluster = new ClusterRef(Guid.NewGuid().ToString(), "traced", "traced");
            (await client.PutClusterAsync(cluster, new TestPullSecret().Base64)).StatusCode.Should().Be(HttpStatusCode.Created);
            await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.ProvisioningState == "Succeeded", Deadline, "the create Succeeded");

            var phases = new[] { "domain", "pki", "credentials", "urls", "kubeconfig", "infrastructure" };
            // A parent span ends (and is exported) after its children: the backend's own span comes last.
            await Poll.UntilAsync(() => collector.Spans.Any(s => s.Role == "backend" && s.Name == "process work item"), Deadline, "the backend's span exported");
            var spans = collector.Spans;
            foreach (var span in spans.Where(s => s.Role is "frontend" or "forwarder" || s.Name == "process work item"))
            {
                output.WriteLine(span.ToString());
            }

            var request = spans.Should().ContainSingle(s => s.Role == "frontend" && s.Name.StartsWith("PUT ", StringComparison.Ordinal) && s.Kind == 2, "the frontend's server span of the PUT").Subject;
            var forward = spans.Should().ContainSingle(s => s.Role == "forwarder" && s.Name == "forward", "the forwarder's span").Subject;
            var process = spans.Should().ContainSingle(s => s.Role == "backend" && s.Name == "process work item", "the backend's span").Subject;
            var phaseSpans = spans.Where(s => s.Role == "backend" && s.Name.StartsWith("phase ", StringComparison.Ordinal)).ToList();

            request.Attributes.Should().ContainKey("http.route").WhoseValue.Should().EndWith("/OpenShiftClusters/{resourceName}");
            forward.TraceId.Should().Be(request.TraceId, "the forwarder continues the request's trace, read from the document");
            forward.ParentSpanId.Should().Be(request.SpanId);
            process.TraceId.Should().Be(request.TraceId, "the backend continues it, read from the queue message");
            process.ParentSpanId.Should().Be(forward.SpanId);
            phaseSpans.Select(s => s.Name).Should().Equal(phases.Select(p => "phase " + p));
            phaseSpans.Should().OnlyContain(s => s.TraceId == request.TraceId && s.ParentSpanId == process.SpanId);
        }
        finally
        {
            RpProcesses.WriteLogs(output, processes, lines: 20);
            await RpProcesses.DisposeAllAsync(processes);
        }
    }
}
