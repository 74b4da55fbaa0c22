using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// SIGKILL at the worst moments, then a restart on the same data directory: every request the RP
/// accepted before the crash must still reach its terminal state, once.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Phases slow enough to be caught in the middle; leases short enough that the restarted
    // process takes over the dead one's documents and messages within seconds.
    private static readonly Dictionary<string, string> SlowInstaller = new()
    {
        ["Installer:PhaseDuration"] = "00:00:00.500",
        ["Backend:LeaseDuration"] = "00:00:05",
        ["Backend:HeartbeatInterval"] = "00:00:01",
        ["Forwarder:LeaseDuration"] = "00:00:05",
    };

    public static TheoryData<string, string, string> KilledRightAfterPutCases => new()
    {
        // No forwarder ever ran: only the start-up sweep of the next process can find the document.
        { "frontend alone", "frontend", "00:00:00.200" },
        // Every role dies together; its forwarder, which polls every 5 s, almost surely before its next poll.
        { "every role", "all", "00:00:05" },
    };

    [Fact]
    public async Task Rp_KilledWhileBackendIsMidPhase_RestartFinishesEveryAcceptedRequestOnce()
    {
        using var dir = new TempDirectory();
        var subscription = Guid.NewGuid().ToString();
        var finished = new ClusterRef(subscription, "crash", "finished");
        var creates = Enumerable.Range(1, 4).Select(i => new ClusterRef(subscription, "crash", $"inflight{i}")).ToList();
        var pullSecret = new TestPullSecret();
        RpProcess? first = null;
        RpProcess? second = null;
        try
        {
            first = await RpProcess.StartAsync(dir.Path, settings: SlowInstaller);
            var operations = new List<(string What, string Url, string Expected)>();
            using (var client = new RpClient(first.Url!))
            {
                var put = await client.PutClusterAsync(finished, pullSecret.Base64);
                put.StatusCode.Should().Be(HttpStatusCode.Created, put.Body);
                await Poll.UntilAsync(() => client.GetClusterAsync(finished), g => g.ProvisioningState == "Succeeded", Deadline, "the first cluster reaching Succeeded");

                foreach (var cluster in creates)
                {
                    var create = await client.PutClusterAsync(cluster, pullSecret.Base64);
                    create.StatusCode.Should().Be(HttpStatusCode.Created, create.Body);
                    operations.Add(($"create {cluster.Name}", create.AsyncOperation!, "Succeeded"));
                }

                var delete = await client.DeleteClusterAsync(finished);
                delete.StatusCode.Should().Be(HttpStatusCode.Accepted, delete.Body);
                operations.Add(($"delete {finished.Name}", delete.AsyncOperation!, "Succeeded"));
            }

            // Mid-flight: a create has a phase running, and no create has finished.
            await first.WaitForLineAsync(
                l => l.EndsWith(" Install phase credentials starting", StringComparison.Ordinal) && creates.Any(c => l.Contains(c.LogScope, StringComparison.Ordinal)),
                "a third phase of an in-flight create",
                Deadline);
            await first.KillAsync();
            creates.Should().Contain(c => !first.Lines.Any(l => l.EndsWith($"{c.Key}: Succeeded", StringComparison.Ordinal)), "the kill came before every create was done");

            second = await RpProcess.StartAsync(dir.Path, settings: SlowInstaller);
            using (var client = new RpClient(second.Url!))
            {
                foreach (var cluster in creates)
                {
                    await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.ProvisioningState == "Succeeded", Deadline, $"{cluster.Name} reaching Succeeded after the restart");
                }

                await Poll.UntilAsync(() => client.GetClusterAsync(finished), g => g.StatusCode == HttpStatusCode.NotFound, Deadline, $"{finished.Name} being deleted after the restart");
                foreach (var (what, url, expected) in operations)
                {
                    var operation = await Poll.UntilAsync(() => client.GetUrlAsync(url), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, $"the operation of {what} ending");
                    operation.Status.Should().Be(expected, what);
                }

                var listed = await client.ListClustersAsync(subscription);
                listed!.Select(c => c["name"]!.GetValue<string>()).Should().BeEquivalentTo(creates.Select(c => c.Name), "no accepted create is lost and none appears twice");
            }

            var lines = first.Lines.Concat(second.Lines).ToList();
            foreach (var cluster in creates)
            {
                lines.Count(l => l.EndsWith($"{cluster.Key}: Succeeded", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(1, $"{cluster.Name} is driven to Succeeded once");
                foreach (var phase in CheckpointedPhases(first.Lines, cluster))
                {
                    second.Lines.Should().NotContain(
                        l => l.Contains(cluster.LogScope, StringComparison.Ordinal) && l.EndsWith($" Install phase {phase} starting", StringComparison.Ordinal),
                        $"{cluster.Name}'s phase {phase} was checkpointed before the kill, so the restart resumes after it");
                }
            }

            creates.SelectMany(c => CheckpointedPhases(first.Lines, c)).Should().NotBeEmpty("some progress was checkpointed before the kill");
            var intervals = WorkLog.Intervals(first.Lines, first.ExitedAt!.Value).Concat(WorkLog.Intervals(second.Lines, DateTimeOffset.UtcNow)).ToList();
            WorkLog.Overlaps(intervals).Should().BeEmpty("the restarted backend takes a document only after the dead one's lease ran out");
            second.Output.Should().NotContain(pullSecret.Base64).And.NotContain(pullSecret.Token);
        }
        finally
        {
            RpProcesses.WriteLogs(output, [first, second]);
            await RpProcesses.DisposeAllAsync([first, second]);
        }
    }

    [Theory]
    [MemberData(nameof(KilledRightAfterPutCases))]
    public async Task Rp_KilledRightAfterPutReturns_RestartForwardsAndFinishesIt(string name, string firstRole, string forwarderPollInterval)
    {
        using var dir = new TempDirectory();
        var cluster = new ClusterRef(Guid.NewGuid().ToString(), "crash", "justaccepted");
        RpProcess? first = null;
        RpProcess? second = null;
        try
        {
            first = await RpProcess.StartAsync(dir.Path, firstRole, new Dictionary<string, string>(SlowInstaller) { ["Forwarder:PollInterval"] = forwarderPollInterval });
            if (firstRole == "all")
            {
                await first.WaitForOutputAsync("Start-up sweep forwarded 0 unqueued documents", Deadline);
            }

            string operationUrl;
            using (var client = new RpClient(first.Url!))
            {
                var put = await client.PutClusterAsync(cluster, new TestPullSecret().Base64);
                await first.KillAsync();
                put.StatusCode.Should().Be(HttpStatusCode.Created, name);
                operationUrl = put.AsyncOperation!;
            }

            second = await RpProcess.StartAsync(dir.Path, settings: SlowInstaller);
            using (var client = new RpClient(second.Url!))
            {
                await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.ProvisioningState == "Succeeded", Deadline, $"{name}: the cluster reaching Succeeded after the restart");
                var operation = await Poll.UntilAsync(() => client.GetUrlAsync(operationUrl), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, $"{name}: the create operation ending");
                operation.Status.Should().Be("Succeeded", name);
            }

            // Unless the killed forwarder got to it first, the restart's start-up sweep is what found it.
            var forwardedBeforeKill = first.Lines.Any(l => l.Contains($"Forwarded {cluster.Key} ", StringComparison.Ordinal));
            if (!forwardedBeforeKill)
            {
                second.Output.Should().Contain("Start-up sweep forwarded 1 unqueued documents", name);
            }

            // The backend logs the end after the operation's write, which the status read may already show: wait for the line.
            await second.WaitForLineAsync(l => l.EndsWith($"{cluster.Key}: Succeeded", StringComparison.Ordinal), "the create's end", Deadline);
            second.Lines.Count(l => l.EndsWith($"{cluster.Key}: Succeeded", StringComparison.Ordinal)).Should().Be(1, $"{name}: driven to Succeeded once");
        }
        finally
        {
            RpProcesses.WriteLogs(output, [first, second]);
            await RpProcesses.DisposeAllAsync([first, second]);
        }
    }

    /// <summary>
    /// The phases whose checkpoint the document holds: the worker announces a phase only after it
    /// wrote the previous one's checkpoint, so every phase before the last announced one is saved.
    /// </summary>
    private static IEnumerable<string> CheckpointedPhases(IEnumerable<string> lines, ClusterRef cluster)
    {
        var announced = lines
            .Where(l => l.Contains(cluster.LogScope, StringComparison.Ordinal))
            .Select(l => Regex.Match(l, $@"{Regex.Escape(cluster.Key)}: Creating phase (\w+)$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        return announced.Count == 0 ? [] : announced.Take(announced.Count - 1).ToList();
    }
}
