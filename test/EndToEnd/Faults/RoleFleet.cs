namespace Rp.EndToEnd.Tests.Faults;

/// <summary>
/// The role processes of one run, all on one data directory and one configuration. The chaos loop
/// SIGKILLs one at random and starts another of its role at once; clients pick a live frontend.
/// Every process that ever ran is kept, for its log.
/// </summary>
public sealed class RoleFleet : IAsyncDisposable
{
    private readonly string dataDir;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly List<RpProcess> everyProcess = [];
    private readonly List<RpProcess> live = [];
    private readonly Lock gate = new();

    private RoleFleet(string dataDir, IReadOnlyDictionary<string, string> settings)
    {
        this.dataDir = dataDir;
        this.settings = settings;
    }

    /// <summary>Every process that ever ran, killed ones included.</summary>
    public IReadOnlyList<RpProcess> EveryProcess
    {
        get { lock (gate) { return [.. everyProcess]; } }
    }

    public static async Task<RoleFleet> StartAsync(string dataDir, IReadOnlyDictionary<string, string> settings, IEnumerable<string> roles)
    {
        var fleet = new RoleFleet(dataDir, settings);
        var started = new List<RpProcess>();
        try
        {
            await RpProcesses.StartAllAsync(started, [.. roles.Select(r => RpProcess.StartAsync(dataDir, r, settings))]);
        }
        finally
        {
            lock (fleet.gate)
            {
                fleet.everyProcess.AddRange(started);
                fleet.live.AddRange(started);
            }
        }

        return fleet;
    }

    /// <summary>The base URL of a live frontend, chosen at random; null while none is.</summary>
    public string? FrontendUrl()
    {
        lock (gate)
        {
            var frontends = live.Where(p => p.Role == "frontend").ToList();
            return frontends.Count == 0 ? null : frontends[Random.Shared.Next(frontends.Count)].Url;
        }
    }

    /// <summary>SIGKILLs a live process chosen with <paramref name="random"/> and starts another of its role; returns the killed one.</summary>
    public async Task<RpProcess> KillAndRestartOneAsync(Random random)
    {
        RpProcess victim;
        lock (gate)
        {
            victim = live[random.Next(live.Count)];
            live.Remove(victim);
        }

        await victim.KillAsync();
        var replacement = await RpProcess.StartAsync(dataDir, victim.Role, settings);
        lock (gate)
        {
            everyProcess.Add(replacement);
            live.Add(replacement);
        }

        return victim;
    }

    public async ValueTask DisposeAsync() => await RpProcesses.DisposeAllAsync(EveryProcess);
}
