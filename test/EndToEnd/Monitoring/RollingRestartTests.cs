using System.Collections.Concurrent;
using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// A rolling restart under load: two of each role, each stopped with SIGTERM and replaced in turn
/// while creates and deletes keep coming through a load balancer that follows readiness. Nothing
/// is lost, nothing stalls: every request is answered and ends, forwarding never pauses for as
/// long as the grace period, and each process reports not ready at once, then exits within it.
/// </summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestEvery = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    // Leases far longer than the grace period: only a released leader lease and handed-back
    // documents let the others go on without a gap as long as the grace period.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Drain:GracePeriod"] = "00:00:10",
        ["Drain:Delay"] = "00:00:02",
        ["Installer:PhaseDuration"] = "00:00:00.150",
        ["Forwarder:LeaseDuration"] = "00:00:30",
        ["Backend:LeaseDuration"] = "00:00:30",
        ["Backend:HeartbeatInterval"] = "00:00:02",
    };

    [Fact]
    public async Task RollingRestart_EveryRoleTwiceUnderLoad_LosesNothingAndNeverStallsForTheGracePeriod()
    {
        using var dir = new TempDirectory();
        using var management = new Management();
        var all = new List<RpProcess>();
        var failures = new ConcurrentQueue<string>();
        var operations = new ConcurrentQueue<(string What, ClusterRef Cluster, string Url, DateTimeOffset At)>();
        var rolls = new List<(string What, DateTimeOffset From, DateTimeOffset To)>();
        LoadBalancer? balancer = null;
        try
        {
            await RpProcesses.StartRolesAsync(all, dir.Path, Settings, "frontend", "frontend", "forwarder", "forwarder", "backend", "backend");
            var running = all.ToList();
            foreach (var rp in running)
            {
                await Poll.UntilAsync(() => management.ReadyAsync(rp), r => r.IsReady, Deadline, $"{rp.Role} {rp.Id} ready");
            }

            balancer = new LoadBalancer(running.Where(p => p.Role == "frontend"));
            await Poll.UntilAsync(() => running.Where(p => p.Role == "frontend").All(balancer.IsInRotation), Deadline, "both frontends in rotation");
            using var stopLoad = new CancellationTokenSource();
            var loadStarted = DateTimeOffset.UtcNow;
            var load = Task.Run(() => SendLoadAsync(balancer, operations, failures, stopLoad.Token));

            foreach (var role in new[] { "frontend", "forwarder", "backend" })
            {
                foreach (var old in running.Where(p => p.Role == role).ToList())
                {
                    var rollStarted = DateTimeOffset.UtcNow;
                    var replacement = await RollAsync(old, management, dir.Path);
                    rolls.Add(($"{role} {old.Id}", rollStarted, DateTimeOffset.UtcNow));
                    all.Add(replacement);
                    running[running.IndexOf(old)] = replacement;
                    if (role == "frontend")
                    {
                        // As a rollout does: the next instance is only stopped once this one is in rotation.
                        balancer.Add(replacement);
                        await Poll.UntilAsync(() => balancer.IsInRotation(replacement), Deadline, "the new frontend in rotation");
                    }
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await stopLoad.CancelAsync();
            await load;
            var loadEnded = DateTimeOffset.UtcNow;
            output.WriteLine($"{operations.Count} requests accepted between {loadStarted:HH:mm:ss.fff} and {loadEnded:HH:mm:ss.fff}");

            failures.Should().BeEmpty("a load balancer that follows readiness never reaches a frontend that stopped answering");
            foreach (var (what, from, to) in rolls)
            {
                operations.Should().Contain(o => o.At >= from && o.At <= to, $"requests kept coming in, and were accepted, while {what} was replaced");
            }

            using var poller = new RpClient(running.First(p => p.Role == "frontend").Url!);
            var deleted = operations.Where(o => o.What == "delete").Select(o => o.Cluster).ToHashSet();
            foreach (var (what, cluster, url, _) in operations)
            {
                var status = await Poll.UntilAsync(() => poller.GetUrlAsync(url), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, $"the {what} of {cluster.Name} ending");
                status.Status.Should().BeOneOf(what == "create" && deleted.Contains(cluster) ? ["Succeeded", "Canceled"] : ["Succeeded"], $"{what} of {cluster.Name}");
            }

            var forwardLines = all.Where(p => p.Role == "forwarder")
                .SelectMany(p => p.Lines.Where(l => l.Contains(" Forwarded /subscriptions/", StringComparison.Ordinal)))
                .ToList();

            // One message covers every request on its document until the document is terminal (the
            // worker that holds it follows a later request): a delete that lands before a worker
            // takes the create's message needs no message of its own. So each cluster is forwarded
            // once at least, not each request.
            var forwardedKeys = forwardLines.Select(l => l[(l.IndexOf(" Forwarded ", StringComparison.Ordinal) + " Forwarded ".Length)..].Split(' ')[0].ToLowerInvariant()).ToHashSet();
            operations.Select(o => o.Cluster.Key).Distinct().Should().OnlyContain(key => forwardedKeys.Contains(key), "every cluster's requests were forwarded");
            var forwarded = forwardLines.Select(RpProcesses.LogTime).Order().ToList();
            forwarded = forwarded.Where(t => t >= loadStarted && t <= loadEnded).ToList();
            var longestGap = forwarded.Zip(forwarded.Skip(1), (a, b) => b - a).Max();
            output.WriteLine($"longest pause in forwarding: {longestGap}");
            longestGap.Should().BeLessThan(GracePeriod, "a stopping leader releases its lease and the standby takes over at once");
        }
        finally
        {
            if (balancer is not null)
            {
                await balancer.DisposeAsync();
            }

            RpProcesses.WriteLogs(output, all, lines: 15);
            await RpProcesses.DisposeAllAsync(all);
        }
    }

    /// <summary>
    /// SIGTERM: not ready at once (a frontend still answering ARM requests meanwhile), exited
    /// within the grace period (a forwarder having released the lead); then a replacement, ready.
    /// </summary>
    private async Task<RpProcess> RollAsync(RpProcess old, Management management, string dataDir)
    {
        var signaled = DateTimeOffset.UtcNow;
        var stopping = old.StopAsync(GracePeriod + TimeSpan.FromSeconds(10));
        var notReady = await Poll.UntilAsync(() => management.ReadyAsync(old), r => !r.IsReady, TimeSpan.FromSeconds(5), $"{old.Role} {old.Id} not ready after SIGTERM");
        var reportedAfter = DateTimeOffset.UtcNow - signaled;
        if (notReady.StatusCode != 0 || old.Role == "frontend")
        {
            // A forwarder or backend with nothing to finish may be gone before the first probe: no answer is not ready too.
            notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, $"{old.Role} reports not ready while it drains");
            notReady.Check("drain").Should().Be("Unhealthy");
        }

        if (old.Role == "frontend")
        {
            using var client = new RpClient(old.Url!);
            (await client.GetAsync("/providers/RedHat.OpenShift/operations?api-version=2020-04-30")).StatusCode.Should().Be(HttpStatusCode.OK, "a draining frontend keeps answering for the drain delay");
        }

        await stopping;
        var exitedAfter = old.ExitedAt!.Value - signaled;
        output.WriteLine($"{old.Role} {old.Id}: not ready after {reportedAfter.TotalMilliseconds:0} ms, exited after {exitedAfter.TotalMilliseconds:0} ms");
        exitedAfter.Should().BeLessThan(GracePeriod + TimeSpan.FromSeconds(3), $"{old.Role} stops within the grace period");
        if (old.Role == "frontend")
        {
            exitedAfter.Should().BeGreaterThanOrEqualTo(DrainDelay, "a frontend serves through the drain delay");
        }

        if (old.Role == "forwarder" && old.Lines.Any(l => l.Contains(" is now the leader", StringComparison.Ordinal)))
        {
            old.Lines.Should().Contain(l => l.Contains(" released the lead", StringComparison.Ordinal), "a stopping leader gives its lease up");
        }

        var replacement = await RpProcess.StartAsync(dataDir, old.Role, Settings);
        await Poll.UntilAsync(() => management.ReadyAsync(replacement), r => r.IsReady, Deadline, $"the new {old.Role} ready");
        return replacement;
    }

    /// <summary>Creates, and deletes of every third cluster created, through the load balancer, one every <see cref="RequestEvery"/>.</summary>
    private static async Task SendLoadAsync(LoadBalancer balancer, ConcurrentQueue<(string What, ClusterRef Cluster, string Url, DateTimeOffset At)> operations, ConcurrentQueue<string> failures, CancellationToken stop)
    {
        var pullSecret = new TestPullSecret();
        var subscription = Guid.NewGuid().ToString();
        var created = new List<ClusterRef>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var client = balancer.Next();
            if (client is null)
            {
                failures.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff}: no frontend ready");
            }
            else
            {
                var delete = i % 3 == 2 && created.Count > 0;
                var cluster = delete ? created[^1] : new ClusterRef(subscription, "rolling", $"c{i:0000}");
                try
                {
                    var response = delete ? await client.DeleteClusterAsync(cluster) : await client.PutClusterAsync(cluster, pullSecret.Base64);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted)
                    {
                        operations.Enqueue((delete ? "delete" : "create", cluster, response.AsyncOperation!, DateTimeOffset.UtcNow));
                        if (delete)
                        {
                            created.Remove(cluster);
                        }
                        else
                        {
                            created.Add(cluster);
                        }
                    }
                    else
                    {
                        failures.Enqueue($"{(delete ? "DELETE" : "PUT")} {cluster.Name} via {client.BaseUrl}: {response}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue($"{cluster.Name} via {client.BaseUrl}: {e.Message}");
                }
            }

            try
            {
                await Task.Delay(RequestEvery, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
