using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rp.Env;

/// <summary>
/// The self-signed TLS certificate a development RP serves https with: ECDSA P-256, valid for
/// <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c>, kept as one PEM file (certificate, then
/// private key) in the data directory so that a restart serves the same certificate and clients
/// can pin it.
/// </summary>
public static class DevelopmentCertificate
{
    public const string FileName = "tls.pem";

    /// <summary>How long a new certificate is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>A stored certificate this close to expiring is replaced, so a long-running RP does not outlive it.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    /// <summary>Loads the certificate at <paramref name="path"/>, or creates it there when it is missing or about to expire.</summary>
    public static X509Certificate2 LoadOrCreate(string path, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow();
        if (File.Exists(path))
        {
            var existing = Load(path);
            if (existing.NotAfter.ToUniversalTime() > (now + RenewBefore).UtcDateTime)
            {
                return existing;
            }

            existing.Dispose();
            Write(path, Create(now), replace: true);
            return Load(path);
        }

        // Several processes of one data directory may start together: the first file in place wins.
        Write(path, Create(now), replace: false);
        return Load(path);
    }

    /// <summary>Reads the certificate and its private key from a PEM file written by <see cref="LoadOrCreate"/>.</summary>
    public static X509Certificate2 Load(string path)
    {
        using var pem = X509Certificate2.CreateFromPemFile(path);

        // A PEM-loaded key is ephemeral, which Windows' TLS stack refuses; a PKCS#12 round trip makes it usable everywhere.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }

    private static string Create(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        // Backdated a little so that a client whose clock lags does not see it as not yet valid.
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + Lifetime);
        var pem = new StringBuilder();
        pem.AppendLine(certificate.ExportCertificatePem());
        pem.AppendLine(key.ExportPkcs8PrivateKeyPem());
        return pem.ToString();
    }

    private static void Write(string path, string pem, bool replace)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.ASCII.GetBytes(pem));
            }

            // Written aside and moved in whole, so no reader ever sees half a file.
            File.Move(temporary, full, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(full))
        {
            // Another process of this data directory created it first: use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
