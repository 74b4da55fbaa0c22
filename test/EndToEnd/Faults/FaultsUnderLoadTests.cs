using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Faults;

/// <summary>
/// Faults under load, on both configurations: 1,000 mixed requests (creates, updates, tag patches,
/// deletes, deletes during create, repeated PUTs) from concurrent clients that behave as ARM does,
/// to two frontends, two forwarders and two backends, while a chaos loop SIGKILLs a random one
/// every few seconds and starts another, and, mid-run, the stores are out for 10 s. Requests during
/// the outage get an answer (a 5xx CloudError with Retry-After when they cannot be served), never a
/// hang. At the end every accepted request has ended, no document was worked on by two workers at
/// once, no operation is left running, and the store holds exactly the clusters the clients believe exist.
/// </summary>
public sealed class FaultsUnderLoadTests(EmulatorsFixture emulators, ITestOutputHelper output) : IClassFixture<EmulatorsFixture>
{
    private const int Requests = 1000;
    private const int Clients = 24;
    private const double OutageAfter = 0.4;

    private static readonly string[] Roles = ["frontend", "frontend", "forwarder", "forwarder", "backend", "backend"];
    private static readonly string[] Terminal = ["Succeeded", "Failed", "Canceled"];
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task FaultsUnderLoad_EmbeddedStores_EveryAcceptedRequestEndsAndNothingIsLost()
    {
        using var dir = new TempDirectory();
        await RunAsync("faults-embedded", dir.Path, Settings([]), new SqliteWriteLock(dir.Path), () => StoredOperations.InSqliteAsync(dir.Path));
    }

    [Fact]
    public async Task FaultsUnderLoad_CosmosDbAndStorageQueues_EveryAcceptedRequestEndsAndNothingIsLost()
    {
        using var dir = new TempDirectory();
        var unique = Guid.NewGuid().ToString("N")[..12];
        var database = $"faults{unique}";
        await RunAsync(
            "faults-cosmos",
            dir.Path,
            Settings(new Dictionary<string, string>
            {
                ["Database:Provider"] = "Cosmos",
                ["Cosmos:Endpoint"] = emulators.CosmosEndpoint,
                ["Cosmos:Key"] = emulators.CosmosKey,
                ["Cosmos:DatabaseName"] = database,
                ["Cosmos:CreateIfNotExists"] = "true",
                ["Cosmos:AcceptAnyServerCertificate"] = "true",
                ["Queue:Provider"] = "StorageQueue",
                ["Queue:Name"] = $"faults{unique}",
                ["StorageQueue:ConnectionString"] = emulators.StorageConnectionString,
            }),
            new EmulatorPause(emulators.ProcessIds),
            () => StoredOperations.InCosmosAsync(emulators.CosmosEndpoint, emulators.CosmosKey, database));
    }

    private static Dictionary<string, string> Settings(Dictionary<string, string> store)
    {
        var settings = new Dictionary<string, string>(store)
        {
            ["Encryption:Keys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Installer:PhaseDuration"] = "00:00:00.020",
            ["Backend:Workers"] = "6",
            ["Backend:LeaseDuration"] = "00:00:10",
            ["Backend:HeartbeatInterval"] = "00:00:02",
            ["Backend:PollInterval"] = "00:00:00.500",
            ["Backend:RetryBackoff"] = "00:00:00.500",

            // Every kill of a backend delivers its messages again: more than the default five deliveries is no poison.
            ["Backend:MaxDequeueCount"] = "100",
            ["Forwarder:LeaseDuration"] = "00:00:03",
            ["Forwarder:PollInterval"] = "00:00:00.500",
            ["Frontend:RetryAfterSeconds"] = "1",
            ["Frontend:RequestTimeout"] = "00:00:05",
        };
        return settings;
    }

    private async Task RunAsync(string name, string dataDir, Dictionary<string, string> settings, IStoreOutage outage, Func<Task<IReadOnlyList<(string Path, string Status)>>> storedOperations)
    {
        var random = new Random(20261201);
        var counts = new FaultCounts();
        var subscriptions = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        var plans = ClusterPlan.Mix(Requests, subscriptions, random);
        var pullSecret = new TestPullSecret();
        var accepted = new ConcurrentBag<(ClusterRef Cluster, string What, string Url)>();
        var exists = new ConcurrentDictionary<ClusterRef, bool>();
        var outageOn = false;
        var passed = false;
        RoleFleet? fleet = null;
        using var stopFaults = new CancellationTokenSource();
        var chaos = Task.CompletedTask;
        var outagePhase = Task.CompletedTask;
        try
        {
            fleet = await RoleFleet.StartAsync(dataDir, settings, Roles);
            foreach (var backend in fleet.EveryProcess.Where(p => p.Role == "backend"))
            {
                await backend.WaitForOutputAsync("started with 6 workers", StartDeadline);
            }

            output.WriteLine($"{Roles.Length} processes serving at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            using var client = new RetryingClient(fleet, counts, () => Volatile.Read(ref outageOn));
            chaos = ChaosAsync(fleet, counts, new Random(random.Next()), stopFaults.Token);
            outagePhase = OutageAsync(outage, counts, plans.Sum(p => p.Requests), on => Volatile.Write(ref outageOn, on), stopFaults.Token);
            var work = new ConcurrentQueue<ClusterPlan>(plans);
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
            {
                while (work.TryDequeue(out var plan))
                {
                    await new ClusterDriver(client, counts, plan, pullSecret, accepted, exists).RunAsync();
                }
            }));
            output.WriteLine($"every request answered at {DateTimeOffset.UtcNow:HH:mm:ss.fff}: {counts}");
            await stopFaults.CancelAsync();
            await chaos;
            await outagePhase;

            await CheckEveryAcceptedRequestEndedAsync(client, accepted);
            await CheckStoreHoldsWhatClientsBelieveAsync(client, subscriptions, exists);
            await CheckNoOperationRunningAsync(client, storedOperations);
            var intervals = fleet.EveryProcess.Where(p => p.Role == "backend")
                .SelectMany(b => WorkLog.Intervals(b.Lines, b.ExitedAt ?? DateTimeOffset.UtcNow))
                .ToList();
            intervals.Should().NotBeEmpty("the backends' logs show their work");
            var overlaps = WorkLog.Overlaps(intervals);
            foreach (var document in overlaps.Select(o => o.First.DocumentId).Distinct())
            {
                output.WriteLine($"===== every backend's lines about document {document} =====");
                foreach (var line in fleet.EveryProcess.Where(p => p.Role == "backend").SelectMany(p => p.Lines.Select(l => $"{p.Id}: {l}")).Where(l => l.Contains(document, StringComparison.Ordinal)).OrderBy(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 2)..], StringComparer.Ordinal))
                {
                    output.WriteLine(line);
                }
            }

            overlaps.Should().BeEmpty("a document is worked on by one worker at a time, through every kill and the outage");
            foreach (var rp in fleet.EveryProcess)
            {
                rp.Output.Should().NotContain(pullSecret.Base64).And.NotContain(pullSecret.Token);
            }

            counts.Operations.Should().BeGreaterThanOrEqualTo(Requests);
            counts.Kills.Should().BeGreaterThan(0);
            counts.Outages.Should().Be(1);
            counts.OutageAnswers.Should().BeGreaterThan(0, "requests were sent during the outage, and answered");
            output.WriteLine($"faults under load ({outage.What}): {counts}");
            passed = true;
        }
        finally
        {
            // A failed client leaves the faults running: no process may be killed or started, and
            // no outage begun, while the processes are logged and stopped, or after.
            await stopFaults.CancelAsync();
            await Task.WhenAll(chaos, outagePhase).ContinueWith(_ => { }, TaskScheduler.Default);

            if (fleet is not null)
            {
                RpProcesses.WriteLogs(output, fleet.EveryProcess.Where(p => !p.HasExited), lines: 20);
                if (!passed)
                {
                    RpProcesses.SaveLogs(output, name, fleet.EveryProcess);
                }

                await fleet.DisposeAsync();
            }
        }
    }

    private static async Task ChaosAsync(RoleFleet fleet, FaultCounts counts, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(3000, 5000)), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await fleet.KillAndRestartOneAsync(random);
            counts.Kill();
        }
    }

    /// <summary>Once the run is <see cref="OutageAfter"/> through its requests, the outage; not begun once <paramref name="stop"/> is canceled, and always ended once begun.</summary>
    private static async Task OutageAsync(IStoreOutage outage, FaultCounts counts, int requests, Action<bool> setOn, CancellationToken stop)
    {
        await Poll.UntilAsync(() => counts.Operations >= requests * OutageAfter, Deadline, "the run reaching its outage", stop);

        setOn(true);
        counts.Outage();
        await outage.BeginAsync();
        try
        {
            await Task.Delay(OutageLength);
        }
        finally
        {
            await outage.EndAsync();
            setOn(false);
        }
    }

    private async Task CheckEveryAcceptedRequestEndedAsync(RetryingClient client, IEnumerable<(ClusterRef Cluster, string What, string Url)> accepted)
    {
        foreach (var (cluster, what, url) in accepted.DistinctBy(a => a.Url))
        {
            var operation = await Poll.UntilAsync(() => client.SendAsync(HttpMethod.Get, new Uri(url).PathAndQuery), o => Terminal.Contains(o.Status), Deadline, $"the {what} of {cluster.Name} ending");
            operation.Status.Should().BeOneOf(what == "delete" ? ["Succeeded"] : ["Succeeded", "Canceled"], $"{what} of {cluster.Name} (a DELETE cancels what runs): {operation}");
        }

        output.WriteLine($"{accepted.DistinctBy(a => a.Url).Count()} accepted operations ended at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
    }

    private static async Task CheckStoreHoldsWhatClientsBelieveAsync(RetryingClient client, IEnumerable<string> subscriptions, ConcurrentDictionary<ClusterRef, bool> exists)
    {
        foreach (var subscription in subscriptions)
        {
            var believed = exists.Where(e => e.Key.SubscriptionId == subscription && e.Value).Select(e => e.Key.Path.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
            var stored = await Poll.UntilAsync(
                () => ListAsync(client, subscription),
                clusters => clusters.All(c => Terminal.Contains(c["properties"]!["provisioningState"]!.GetValue<string>()))
                    && clusters.Select(c => c["id"]!.GetValue<string>().ToLowerInvariant()).Order(StringComparer.Ordinal).SequenceEqual(believed),
                Deadline,
                $"subscription {subscription} holding the {believed.Count} clusters its clients believe exist, each in a terminal state");
            stored.Should().HaveCount(believed.Count);
        }
    }

    private static async Task<List<JsonNode>> ListAsync(RetryingClient client, string subscription)
    {
        var clusters = new List<JsonNode>();
        string? next = $"/subscriptions/{subscription}/providers/RedHat.OpenShift/OpenShiftClusters?api-version={RpClient.V20200430}";
        while (next is not null)
        {
            var page = await client.SendAsync(HttpMethod.Get, next);
            page.StatusCode.Should().Be(HttpStatusCode.OK, page.Body);
            clusters.AddRange(page.Json["value"]!.AsArray().Select(c => c!));
            next = page.Json["nextLink"]?.GetValue<string>() is { } link ? new Uri(link).PathAndQuery : null;
        }

        return clusters;
    }

    /// <summary>Every operation document the store holds reads as ended (an orphan, whose request died before its resource was written, reads as canceled).</summary>
    private static async Task CheckNoOperationRunningAsync(RetryingClient client, Func<Task<IReadOnlyList<(string Path, string Status)>>> storedOperations)
    {
        var operations = await storedOperations();
        operations.Should().NotBeEmpty();
        foreach (var (path, status) in operations.Where(o => !Terminal.Contains(o.Status)))
        {
            var read = await client.SendAsync(HttpMethod.Get, $"{path}?api-version={RpClient.V20200430}");
            read.Status.Should().BeOneOf(Terminal, $"the stored operation {path} ({status}) reads as ended: {read}");
        }
    }
}
