namespace Rp.Frontend.Authentication;

/// <summary>
/// Who may call the ARM routes in production (section <c>ArmAuthentication</c>): a TLS client
/// certificate that ARM currently publishes on its metadata endpoint, or one of a static list of
/// pinned certificates (the offline alternative). At least one of the two must be configured.
/// </summary>
public sealed class ArmAuthenticationOptions
{
    public const string SectionName = "ArmAuthentication";

    /// <summary>ARM's metadata endpoint, e.g. <c>https://management.azure.com:24582/metadata/authentication?api-version=2015-01-01</c>.</summary>
    public Uri? MetadataUrl { get; set; }

    /// <summary>PEM files of certificates accepted as ARM's besides the published ones (each file may hold several).</summary>
    public List<string> PinnedCertificates { get; set; } = [];

    /// <summary>How often the published certificates are fetched again.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this long without a successful refresh the frontend stops reporting ready (it keeps the last certificates).</summary>
    public TimeSpan MaxMetadataAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first back-off between the retries of one refresh; it doubles with each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
