namespace Rp.Backend.Installer;

/// <summary>How the local installer behaves (section <c>Installer</c>); the fault settings let every control-plane path be exercised.</summary>
public sealed class InstallerOptions
{
    public const string SectionName = "Installer";

    /// <summary>How long each phase takes, measured on the injected <see cref="TimeProvider"/>.</summary>
    public TimeSpan PhaseDuration { get; set; } = TimeSpan.Zero;

    /// <summary>A phase that fails with <c>DeploymentFailed</c> every time it runs.</summary>
    public string? FailAtPhase { get; set; }

    /// <summary>A phase that never finishes: it returns only when its cancellation token is canceled.</summary>
    public string? HangAtPhase { get; set; }

    /// <summary>The DNS zone under which cluster domains are created: <c>api.{domain}.{location}.{BaseDomain}</c>.</summary>
    public string BaseDomain { get; set; } = "example.openshift.local";
}
