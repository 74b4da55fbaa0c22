using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// The distributed shape on the emulators (Cosmos DB server, Azurite's queue service): two
/// frontends, two forwarders (one leads), three backends; one backend and the leading forwarder
/// are killed while requests are still coming in.
/// </summary>
public sealed class ScaleOutTests(EmulatorsFixture emulators, ITestOutputHelper output) : IClassFixture<EmulatorsFixture>
{
    private const int Creates = 150;
    private const int DeleteEvery = 3;
    private const int Parallelism = 8;

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ScaleOut_SevenProcessesOnEmulatorsLosingABackendAndTheLeader_EveryRequestEndsOnce()
    {
        using var dir = new TempDirectory();
        var settings = Settings();

        // The backend to be killed hangs in the last create phase, so that it surely holds
        // documents, mid-phase, when it dies: the others must take them over and finish them.
        var victimSettings = new Dictionary<string, string>(settings) { ["Installer:HangAtPhase"] = "infrastructure" };
        var subscriptions = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        var clusters = Enumerable.Range(0, Creates).Select(i => new ClusterRef(subscriptions[i % subscriptions.Count], "scale-out", $"cluster{i:000}")).ToList();
        var deleted = clusters.Where((_, i) => i % DeleteEvery == 0).ToHashSet();
        var processes = new List<RpProcess>();
        var frontends = new List<RpClient>();
        try
        {
            await RpProcesses.StartAllAsync(
                processes,
                RpProcess.StartAsync(dir.Path, "frontend", settings),
                RpProcess.StartAsync(dir.Path, "frontend", settings),
                RpProcess.StartAsync(dir.Path, "forwarder", settings),
                RpProcess.StartAsync(dir.Path, "forwarder", settings),
                RpProcess.StartAsync(dir.Path, "backend", victimSettings),
                RpProcess.StartAsync(dir.Path, "backend", settings),
                RpProcess.StartAsync(dir.Path, "backend", settings));
            frontends.AddRange(processes.Where(p => p.Role == "frontend").Select(p => new RpClient(p.Url!)));
            var forwarders = processes.Where(p => p.Role == "forwarder").ToList();
            var backends = processes.Where(p => p.Role == "backend").ToList();
            var victim = backends[0];
            foreach (var backend in backends)
            {
                await backend.WaitForOutputAsync("started with 4 workers", StartDeadline);
            }

            await Poll.UntilAsync(() => forwarders.Count(IsLeading) == 1, StartDeadline, "one forwarder leading");
            var leader = forwarders.Single(IsLeading);
            var standby = forwarders.Single(f => f != leader);

            var pullSecret = new TestPullSecret();
            var operations = new ConcurrentBag<(string What, ClusterRef Cluster, string Url)>();
            async Task SendAsync(IEnumerable<ClusterRef> batch, bool delete)
            {
                await Parallel.ForEachAsync(batch.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
                {
                    var client = frontends[item.i % frontends.Count];
                    var response = delete ? await client.DeleteClusterAsync(item.c) : await client.PutClusterAsync(item.c, pullSecret.Base64);
                    response.StatusCode.Should().Be(delete ? HttpStatusCode.Accepted : HttpStatusCode.Created, $"{(delete ? "DELETE" : "PUT")} {item.c.Name}: {response.Body}");
                    operations.Add((delete ? "delete" : "create", item.c, response.AsyncOperation!));
                });
            }

            output.WriteLine($"started at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            await SendAsync(clusters.Take(Creates / 2), delete: false);
            output.WriteLine($"first half of the creates accepted at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");

            // In the middle: every worker of the backend to kill holds a document, hanging past its
            // first phases (a worker still in them when killed would leave the others nothing to
            // resume), and others have already finished.
            await Poll.UntilAsync(
                () => victim.Lines.Count(l => l.Contains("Install phase infrastructure hangs until canceled", StringComparison.Ordinal)) >= int.Parse(settings["Backend:Workers"], System.Globalization.CultureInfo.InvariantCulture),
                Deadline,
                "every worker of the backend to kill hanging");
            await Poll.UntilAsync(() => backends.Sum(b => b.Lines.Count(l => l.EndsWith(": Succeeded", StringComparison.Ordinal))) >= 10, Deadline, "ten creates finishing");
            var killedAt = DateTimeOffset.UtcNow;
            await Task.WhenAll(victim.KillAsync(), leader.KillAsync());
            output.WriteLine($"killed backend {victim.Id} and leading forwarder {leader.Id} at {killedAt:HH:mm:ss.fff}");

            await SendAsync(clusters.Skip(Creates / 2), delete: false);
            await SendAsync(deleted, delete: true);
            operations.Should().HaveCount(Creates + deleted.Count).And.HaveCount(200);
            output.WriteLine($"every request accepted at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");

            await standby.WaitForLineAsync(l => l.Contains(" is now the leader", StringComparison.Ordinal) && LogTime(l) > killedAt, "that it took the lead after the kill", Deadline);
            await Poll.UntilAsync(
                async () =>
                {
                    var pending = new List<string>();
                    foreach (var subscription in subscriptions)
                    {
                        var listed = await frontends[0].ListClustersAsync(subscription);
                        if (listed is null)
                        {
                            pending.Add($"listing {subscription} failed");
                            continue;
                        }

                        var states = listed.ToDictionary(c => c["name"]!.GetValue<string>(), c => c["properties"]!["provisioningState"]!.GetValue<string>());
                        pending.AddRange(clusters.Where(c => c.SubscriptionId == subscription)
                            .Where(c => deleted.Contains(c) ? states.ContainsKey(c.Name) : states.GetValueOrDefault(c.Name) != "Succeeded")
                            .Select(c => $"{c.Name}: {states.GetValueOrDefault(c.Name, "gone")}"));
                        pending.AddRange(states.Keys.Where(n => !clusters.Any(c => c.SubscriptionId == subscription && c.Name == n)).Select(n => $"unexpected {n}"));
                    }

                    return pending;
                },
                pending => pending.Count == 0,
                Deadline,
                "every cluster Succeeded or gone");
            output.WriteLine($"every cluster Succeeded or gone at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");

            foreach (var (what, cluster, url) in operations)
            {
                var operation = await Poll.UntilAsync(() => frontends[1].GetUrlAsync(url), o => o.Status is "Succeeded" or "Failed" or "Canceled", Deadline, $"the {what} of {cluster.Name} ending");
                operation.Status.Should().BeOneOf(what == "create" && deleted.Contains(cluster) ? ["Succeeded", "Canceled"] : ["Succeeded"], $"{what} of {cluster.Name}");
            }

            var victimIntervals = WorkLog.Intervals(victim.Lines, victim.ExitedAt!.Value);
            var survivorIntervals = backends.Skip(1).SelectMany(b => WorkLog.Intervals(b.Lines, DateTimeOffset.UtcNow)).ToList();
            WorkLog.Overlaps(victimIntervals.Concat(survivorIntervals)).Should().BeEmpty("a document is worked on by one worker at a time, across processes and a crash");
            var orphaned = victimIntervals.Where(i => i.Activity == "lease" && i.End == victim.ExitedAt).Select(i => i.DocumentId).ToList();
            orphaned.Should().NotBeEmpty("the killed backend held documents when it died");
            survivorIntervals.Where(i => i.Activity == "lease").Select(i => i.DocumentId).Should().Contain(orphaned, "the other backends took over what it held");
            survivorIntervals.Where(i => orphaned.Contains(i.DocumentId)).Select(i => i.Activity).Should().NotContain("phase domain", "they resumed from its checkpoints");
            foreach (var rp in processes)
            {
                rp.Output.Should().NotContain(pullSecret.Base64).And.NotContain(pullSecret.Token);
            }
        }
        finally
        {
            RpProcesses.WriteLogs(output, processes, lines: 30);
            await RpProcesses.DisposeAllAsync(processes);
            frontends.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Whether the forwarder's last word on the lead is that it has it.</summary>
    private static bool IsLeading(RpProcess forwarder) =>
        forwarder.Lines.LastOrDefault(l => l.Contains(" is now the leader", StringComparison.Ordinal) || l.Contains(" lost the lead", StringComparison.Ordinal))?.Contains(" is now the leader", StringComparison.Ordinal) == true;

    private static DateTimeOffset LogTime(string line) =>
        DateTimeOffset.ParseExact(line[..24], "yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private Dictionary<string, string> Settings()
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new Dictionary<string, string>
        {
            ["Rp:Mode"] = "Development",
            ["Database:Provider"] = "Cosmos",
            ["Cosmos:Endpoint"] = emulators.CosmosEndpoint,
            ["Cosmos:Key"] = emulators.CosmosKey,
            ["Cosmos:DatabaseName"] = $"e2e{unique}",
            ["Cosmos:CreateIfNotExists"] = "true",
            ["Cosmos:AcceptAnyServerCertificate"] = "true",
            ["Queue:Provider"] = "StorageQueue",
            ["Queue:Name"] = $"e2e{unique}",
            ["StorageQueue:ConnectionString"] = emulators.StorageConnectionString,
            ["Encryption:Keys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Installer:PhaseDuration"] = "00:00:00.100",
            ["Backend:Workers"] = "4",
            ["Backend:LeaseDuration"] = "00:00:08",
            ["Backend:HeartbeatInterval"] = "00:00:01",
            ["Forwarder:LeaseDuration"] = "00:00:05",
        };
    }
}
