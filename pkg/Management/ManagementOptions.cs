namespace Rp.Management;

/// <summary>The management listener (section <c>Management</c>): health, readiness and metrics, never on the ARM listener.</summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    public const string DefaultUrls = "http://localhost:8081";

    /// <summary>Where it listens (<c>;</c>-separated, as <c>--urls</c> takes them); empty: no management listener.</summary>
    public string Urls { get; set; } = DefaultUrls;
}
