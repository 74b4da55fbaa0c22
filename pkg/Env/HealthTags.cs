namespace Rp.Env;

/// <summary>
/// The tags that place a health check on the management listener's endpoints: every check tagged
/// <see cref="Ready"/> is part of <c>/healthz/ready</c>, every one tagged <see cref="Live"/> of
/// <c>/healthz/live</c>. A component adds its own with
/// <c>services.AddHealthChecks().AddCheck&lt;T&gt;(name, tags: [HealthTags.Ready])</c>.
/// </summary>
public static class HealthTags
{
    public const string Ready = "ready";

    public const string Live = "live";
}
