using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// Client certificates for the authentication tests, made on the spot: a self-signed one (as the
/// "ARM" certificate a fake metadata endpoint publishes, or a stranger's), a CA and certificates
/// it issues (the admin identity). Each carries its private key, ready for a TLS handshake.
/// </summary>
public static class TestCertificates
{
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>A self-signed client certificate.</summary>
    public static X509Certificate2 SelfSigned(string commonName, params string[] usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = Request(commonName, key, usages.Length == 0 ? [ClientAuthentication] : usages, authority: false);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        return Usable(certificate);
    }

    /// <summary>A certificate authority that can issue certificates.</summary>
    public static X509Certificate2 Authority(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = Request(commonName, key, [], authority: true);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(60));
        return Usable(certificate);
    }

    /// <summary>A certificate issued by <paramref name="authority"/>; no usage: no extended key usage extension at all.</summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string commonName, params string[] usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = Request(commonName, key, usages, authority: false);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(16));
        using var withKey = certificate.CopyWithPrivateKey(key);
        return Usable(withKey);
    }

    /// <summary>Writes the certificates (no keys) to one PEM file, as operators configure pinned certificates and CA bundles.</summary>
    public static string WritePem(string path, params X509Certificate2[] certificates)
    {
        File.WriteAllText(path, string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));
        return path;
    }

    private static CertificateRequest Request(string commonName, ECDsa key, string[] usages, bool authority)
    {
        var request = new CertificateRequest($"CN={commonName}, O=Rp Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: authority, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(authority ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, critical: true));
        if (usages.Length > 0)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages.Select(u => new Oid(u))], critical: false));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    // An ephemeral key would do on Linux; a PKCS#12 round trip makes it usable by every TLS stack.
    private static X509Certificate2 Usable(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
}
