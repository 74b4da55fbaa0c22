using System.Collections.Concurrent;
using System.Net;
using FluentAssertions;
using Rp.Backend.Installer;
using Rp.Database.Cosmos;
using Rp.Database.Serialization;
using Rp.Database.Tests.Emulators;
using Rp.Queue.Forwarder;
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

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

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

            using var store = new CosmosDatabase(CosmosOptionsOf(settings), new DocumentSerializer(new AesGcmSecretProtector([Convert.FromBase64String(settings["Encryption:Keys:0"])])), TimeProvider.System);
            await Poll.UntilAsync(async () => await FirstLeaseOwnerAsync(store, forwarders), owner => owner is not null, StartDeadline, "a forwarder holding the lease");

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

            // The leader is the owner of the lease document, read just before the kill: what
            // decides leadership, not a log line that may predate the election settling.
            var leader = (await LeaseOwnerAsync(store, forwarders))!;
            var standby = forwarders.Single(f => f != leader);
            var killedAt = DateTimeOffset.UtcNow;
            await Task.WhenAll(victim.KillAsync(), leader.KillAsync());
            var lapse = (await store.Leases.GetAsync(Forwarder.LeaseName))!;
            lapse.Owner.Should().StartWith(OwnerPrefix(leader), "a live leader renews its lease long before it runs out");
            var leaseRanOut = lapse.Expires!.Value;
            output.WriteLine($"killed backend {victim.Id} and leading forwarder {leader.Id} at {killedAt:HH:mm:ss.fff}; its lease ran until {leaseRanOut:HH:mm:ss.fff}");

            await SendAsync(clusters.Skip(Creates / 2), delete: false);
            await SendAsync(deleted, delete: true);
            operations.Should().HaveCount(Creates + deleted.Count).And.HaveCount(200);
            output.WriteLine($"every request accepted at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");

            var tookOver = RpProcesses.LogTime(await standby.WaitForLineAsync(l => l.Contains(" is now the leader", StringComparison.Ordinal) && RpProcesses.LogTime(l) > killedAt, "that it took the lead after the kill", Deadline));
            var forwardedAgain = RpProcesses.LogTime(await standby.WaitForLineAsync(l => l.Contains(" Forwarded ", StringComparison.Ordinal) && RpProcesses.LogTime(l) > killedAt, "that it forwarded after the kill", Deadline));
            output.WriteLine($"the standby took the lead at {tookOver:HH:mm:ss.fff} and forwarded again at {forwardedAgain:HH:mm:ss.fff}");
            (tookOver - leaseRanOut).Should().BeLessThan(LeaseDuration, "a standby takes a lapsed lease at its next look, not a lease duration later");
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

            var outcomes = backends.SelectMany(b => b.Lines).Select(l => l.Split(": ")).Where(p => p.Length >= 3).Select(p => (Key: p[^2], Outcome: p[^1])).ToList();
            foreach (var cluster in clusters)
            {
                var ends = outcomes.Where(o => o.Key.EndsWith("/" + cluster.Name, StringComparison.Ordinal) && o.Key.Contains(cluster.SubscriptionId, StringComparison.Ordinal)).Select(o => o.Outcome);
                ends.Count(o => o == (deleted.Contains(cluster) ? "Deleted" : "Succeeded")).Should().Be(1, $"the last request on {cluster.Name} ended exactly once");
            }

            var victimIntervals = WorkLog.Intervals(victim.Lines, victim.ExitedAt!.Value);
            var survivorIntervals = backends.Skip(1).SelectMany(b => WorkLog.Intervals(b.Lines, DateTimeOffset.UtcNow)).ToList();
            WorkLog.Overlaps(victimIntervals.Concat(survivorIntervals)).Should().BeEmpty("a document is worked on by one worker at a time, across processes and a crash");

            // What it died in the middle of: the last create phase, every earlier one checkpointed.
            // (On a loaded machine a document may also have passed between workers before it got
            // there, when a heartbeat came too late: only the work after the crash is a resumption.)
            var orphaned = victimIntervals.Where(i => i.Activity == $"phase {InstallerPhases.Infrastructure}" && i.End == victim.ExitedAt).Select(i => i.DocumentId).ToList();
            orphaned.Should().NotBeEmpty("the killed backend was mid-phase on documents when it died");
            var resumed = survivorIntervals.Where(i => orphaned.Contains(i.DocumentId) && i.Start >= victim.ExitedAt).ToList();
            resumed.Where(i => i.Activity == "lease").Select(i => i.DocumentId).Should().Contain(orphaned, "the other backends took over what it held");
            resumed.Select(i => i.Activity).Should().NotContain(InstallerPhases.Creating.SkipLast(1).Select(p => $"phase {p}"), "they resumed from its checkpoints");
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

    /// <summary>The forwarder whose unexpired lease the database holds; null while none has one.</summary>
    private static async Task<RpProcess?> LeaseOwnerAsync(CosmosDatabase store, IEnumerable<RpProcess> forwarders)
    {
        var lease = await store.Leases.GetAsync(Forwarder.LeaseName);
        return lease is { Owner: { } owner } && lease.Expires > DateTimeOffset.UtcNow
            ? forwarders.SingleOrDefault(f => owner.StartsWith(OwnerPrefix(f), StringComparison.Ordinal))
            : null;
    }

    // Until a forwarder has started, the leases container may not exist yet (each role creates
    // what it uses at start-up): no one holds the lease then.
    private static async Task<RpProcess?> FirstLeaseOwnerAsync(CosmosDatabase store, IEnumerable<RpProcess> forwarders)
    {
        try
        {
            return await LeaseOwnerAsync(store, forwarders);
        }
        catch (Microsoft.Azure.Cosmos.CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // An owner is host:process:instance (Rp.Env.InstanceId).
    private static string OwnerPrefix(RpProcess process) => $"{Environment.MachineName}:{process.Id}:";

    private static CosmosOptions CosmosOptionsOf(Dictionary<string, string> settings) => new()
    {
        Endpoint = settings["Cosmos:Endpoint"],
        Key = settings["Cosmos:Key"],
        DatabaseName = settings["Cosmos:DatabaseName"],
        AcceptAnyServerCertificate = true,
    };

    private Dictionary<string, string> Settings() => new(EmulatorSettings.Create(emulators))
    {
        ["Installer:PhaseDuration"] = "00:00:00.100",
        ["Backend:Workers"] = "4",
        ["Backend:LeaseDuration"] = "00:00:08",
        ["Backend:HeartbeatInterval"] = "00:00:01",
        ["Forwarder:LeaseDuration"] = LeaseDuration.ToString(),
    };
}
