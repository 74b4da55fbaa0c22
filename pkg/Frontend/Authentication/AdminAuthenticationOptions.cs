namespace Rp.Frontend.Authentication;

/// <summary>
/// Who may call the admin API in production (section <c>AdminAuthentication</c>): a TLS client
/// certificate that chains to a CA of <see cref="CaBundlePath"/>, carries the client-authentication
/// extended key usage, and whose subject common name is <see cref="ClientCertificateCommonName"/>.
/// Without both, the admin API refuses everyone.
/// </summary>
public sealed class AdminAuthenticationOptions
{
    public const string SectionName = "AdminAuthentication";

    /// <summary>A PEM file of the CA certificates that issue admin client certificates.</summary>
    public string? CaBundlePath { get; set; }

    /// <summary>The subject CN an admin client certificate must have.</summary>
    public string? ClientCertificateCommonName { get; set; }

    internal bool IsConfigured => !string.IsNullOrWhiteSpace(CaBundlePath) && !string.IsNullOrWhiteSpace(ClientCertificateCommonName);
}
