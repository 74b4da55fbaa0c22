using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rp.Backend.Installer;

/// <summary>The cluster's certificate authority and the admin client certificate it issues (ECDSA P-256, PEM).</summary>
internal static class ClusterPkiGenerator
{
    public const string AdminCommonName = "system:admin";
    public const string AdminOrganization = "system:masters";
    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    // OpenShift's installer-issued admin credentials last ten years; the cluster has no other way to renew them.
    public static readonly TimeSpan Validity = TimeSpan.FromDays(3650);

    // Lets a client whose clock is slightly behind accept a certificate issued a moment ago.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A new CA and the admin certificate it issues. Certificates are signed with the keys as they
    /// are (no certificate carries a private key: attaching one copies the key out and in again).
    /// </summary>
    public static ((string CertificatePem, string PrivateKeyPem) Ca, (string CertificatePem, string PrivateKeyPem) Admin) CreateCaAndAdmin(DateTimeOffset now)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa(caKey, now);
        return ((ca.ExportCertificatePem(), caKey.ExportPkcs8PrivateKeyPem()), IssueAdmin(ca, caKey, now));
    }

    /// <summary>Issues <c>CN=system:admin, O=system:masters</c> for client authentication, expiring no later than the CA.</summary>
    public static (string CertificatePem, string PrivateKeyPem) IssueAdmin(string caCertificatePem, string caPrivateKeyPem, DateTimeOffset now)
    {
        using var ca = X509Certificate2.CreateFromPem(caCertificatePem);
        using var caKey = ECDsa.Create();
        caKey.ImportFromPem(caPrivateKeyPem);
        return IssueAdmin(ca, caKey, now);
    }

    private static X509Certificate2 CreateCa(ECDsa key, DateTimeOffset now)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationalUnitName("openshift");
        name.AddCommonName("root-ca");
        var subject = name.Build();

        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        return request.Create(subject, X509SignatureGenerator.CreateForECDsa(key), now - ClockSkew, now + Validity, SerialNumber());
    }

    private static (string CertificatePem, string PrivateKeyPem) IssueAdmin(X509Certificate2 ca, ECDsa caKey, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationName(AdminOrganization);
        name.AddCommonName(AdminCommonName);

        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthenticationOid)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var notAfter = now + Validity;
        var caNotAfter = new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now - ClockSkew, notAfter < caNotAfter ? notAfter : caNotAfter, SerialNumber());
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);

        // RFC 5280 serial numbers are positive integers.
        serial[0] &= 0x7F;
        return serial;
    }
}
