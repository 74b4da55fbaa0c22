using Rp.Api;

namespace Rp.Backend.Installer;

/// <summary>
/// Installs, updates and removes a cluster in ordered, checkpointed phases. The worker runs the
/// phases of the document's provisioning state that are not yet in
/// <see cref="InstallState.CompletedPhases"/>, one at a time, and persists the cluster after each,
/// so any phase may run again on a cluster it already changed: every phase is idempotent and keeps
/// what an earlier run of it produced.
/// </summary>
public interface IClusterInstaller
{
    /// <summary>The phase names for <paramref name="state"/> (Creating, Updating or Deleting), in the order they run.</summary>
    IReadOnlyList<string> PhasesFor(ProvisioningState state);

    /// <summary>
    /// Runs one phase on the in-memory <paramref name="cluster"/>, which the caller then persists.
    /// Throws <see cref="InstallerException"/> when the phase fails and leaves the cluster unchanged.
    /// </summary>
    Task RunPhaseAsync(string phase, OpenShiftCluster cluster, CancellationToken cancellationToken = default);
}
