using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// The roles as separate processes on one data directory, with two backends competing for the
/// same queue: their logs must show that no document was ever worked on by two workers at once.
/// </summary>
public sealed class TwoBackendsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Installer:PhaseDuration"] = "00:00:00.300",
        ["Backend:Workers"] = "3",
        ["Backend:LeaseDuration"] = "00:00:05",
        ["Backend:HeartbeatInterval"] = "00:00:01",
        ["Forwarder:LeaseDuration"] = "00:00:05",
    };

    [Fact]
    public async Task Backends_TwoProcessesOnOneDataDir_NeverWorkOnOneDocumentAtOnce()
    {
        using var dir = new TempDirectory();
        var subscription = Guid.NewGuid().ToString();
        var clusters = Enumerable.Range(1, 12).Select(i => new ClusterRef(subscription, "two-backends", $"cluster{i:00}")).ToList();

        // Deleted while Creating: each of these gets a second message while a worker holds it.
        var deleted = clusters.Take(4).ToList();
        var kept = clusters.Skip(4).ToList();
        var processes = new List<RpProcess>();
        try
        {
            // Started together on a fresh data directory: they also race to create its key file.
            await RpProcesses.StartAllAsync(
                processes,
                RpProcess.StartAsync(dir.Path, "frontend", Settings),
                RpProcess.StartAsync(dir.Path, "forwarder", Settings),
                RpProcess.StartAsync(dir.Path, "backend", Settings),
                RpProcess.StartAsync(dir.Path, "backend", Settings));
            var frontend = processes[0];
            var backends = processes.Skip(2).ToList();
            await processes[1].WaitForOutputAsync("is now the leader", Deadline);
            foreach (var backend in backends)
            {
                await backend.WaitForOutputAsync("started with 3 workers", Deadline);
            }

            using var client = new RpClient(frontend.Url!);
            var pullSecret = new TestPullSecret();
            var creates = await Task.WhenAll(clusters.Select(c => client.PutClusterAsync(c, pullSecret.Base64)));
            creates.Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.Created, r.Body));
            var deletes = await Task.WhenAll(deleted.Select(c => client.DeleteClusterAsync(c)));
            deletes.Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.Accepted, r.Body));

            foreach (var cluster in kept)
            {
                await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.ProvisioningState == "Succeeded", Deadline, $"{cluster.Name} reaching Succeeded");
            }

            foreach (var cluster in deleted)
            {
                await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.StatusCode == HttpStatusCode.NotFound, Deadline, $"{cluster.Name} being deleted");
            }

            for (var i = 0; i < clusters.Count; i++)
            {
                var operation = await Poll.UntilAsync(() => client.GetUrlAsync(creates[i].AsyncOperation!), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, $"the create of {clusters[i].Name} ending");
                operation.Status.Should().BeOneOf(i < deleted.Count ? ["Succeeded", "Canceled"] : ["Succeeded"], clusters[i].Name);
            }

            foreach (var delete in deletes)
            {
                var operation = await Poll.UntilAsync(() => client.GetUrlAsync(delete.AsyncOperation!), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, "a delete ending");
                operation.Status.Should().Be("Succeeded");
            }

            var end = DateTimeOffset.UtcNow;
            var intervals = backends.SelectMany(b => WorkLog.Intervals(b.Lines, end)).ToList();
            backends.Should().AllSatisfy(b => b.Lines.Should().Contain(l => l.Contains(": lease taken by ", StringComparison.Ordinal), "both backends took work"));
            intervals.Select(i => i.DocumentId).Distinct().Should().HaveCount(clusters.Count, "every document shows in the backends' logs");
            WorkLog.Overlaps(intervals).Should().BeEmpty("a document is worked on by one worker at a time");
        }
        finally
        {
            RpProcesses.WriteLogs(output, processes);
            await RpProcesses.DisposeAllAsync(processes);
        }
    }
}
