using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rp.Frontend.Authentication;

/// <summary>
/// What an admin certificate needs besides a chain to the admin CA: the client-authentication
/// extended key usage, present (a certificate without the extension would do anything, so it
/// does not pass), and exactly one subject CN, the configured one.
/// </summary>
internal static class AdminCertificateRules
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string CommonName = "2.5.4.3";

    /// <summary>Why the certificate is refused; null when it passes.</summary>
    public static string? Refusal(X509Certificate2 certificate, string commonName)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>());
        if (!usages.Any(u => u.Value == ClientAuthentication))
        {
            return "it lacks the client-authentication extended key usage";
        }

        var names = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(n => n.GetSingleElementType().Value == CommonName)
            .Select(n => n.GetSingleElementValue())
            .ToList();
        return names.Count == 1 && string.Equals(names[0], commonName, StringComparison.Ordinal)
            ? null
            : $"its subject common name is not '{commonName}'";
    }
}
