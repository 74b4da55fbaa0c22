using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Backend.Installer;

namespace Rp.Backend.Tests.Worker;

/// <summary>
/// Wraps an installer (the local one by default) and records, per cluster, every phase run, the
/// phases that ended by observing cancellation, and how many phases ran at the same moment.
/// </summary>
internal sealed class RecordingInstaller(IClusterInstaller inner) : IClusterInstaller
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<string>> calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> canceled = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> maxConcurrent = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The local installer (no cloud) with <paramref name="options"/>, on the system clock.</summary>
    public static RecordingInstaller Local(InstallerOptions? options = null) =>
        new(new LocalClusterInstaller(Options.Create(options ?? new InstallerOptions()), TimeProvider.System, NullLogger<LocalClusterInstaller>.Instance));

    /// <summary>Phases running now, over every cluster.</summary>
    public int RunningCount
    {
        get
        {
            lock (gate)
            {
                return running.Values.Sum(r => r.Count);
            }
        }
    }

    public IReadOnlyList<string> PhasesFor(ProvisioningState state) => inner.PhasesFor(state);

    public async Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default)
    {
        var id = cluster.Id;
        lock (gate)
        {
            Of(calls, id).Add(phase);
            var now = Of(running, id);
            now.Add(phase);
            maxConcurrent[id] = Math.Max(maxConcurrent.GetValueOrDefault(id), now.Count);
        }

        try
        {
            await inner.RunPhaseAsync(phase, cluster, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            lock (gate)
            {
                Of(canceled, id).Add(phase);
            }

            throw;
        }
        finally
        {
            lock (gate)
            {
                Of(running, id).Remove(phase);
            }
        }
    }

    /// <summary>Every phase started on the cluster, in order.</summary>
    public IReadOnlyList<string> Calls(string clusterId) => Snapshot(calls, clusterId);

    /// <summary>The phases on the cluster that ended because their cancellation token was canceled.</summary>
    public IReadOnlyList<string> Canceled(string clusterId) => Snapshot(canceled, clusterId);

    public bool IsRunning(string clusterId, string phase) => Snapshot(running, clusterId).Contains(phase);

    /// <summary>The most phases that ran on the cluster at one moment.</summary>
    public int MaxConcurrent(string clusterId)
    {
        lock (gate)
        {
            return maxConcurrent.GetValueOrDefault(clusterId);
        }
    }

    private static List<string> Of(Dictionary<string, List<string>> map, string id)
    {
        if (!map.TryGetValue(id, out var list))
        {
            map[id] = list = [];
        }

        return list;
    }

    private IReadOnlyList<string> Snapshot(Dictionary<string, List<string>> map, string id)
    {
        lock (gate)
        {
            return map.TryGetValue(id, out var list) ? [.. list] : [];
        }
    }
}
