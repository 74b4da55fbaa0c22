using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// Trust in exactly one server certificate, the way a client pins a self-signed one: the RP's
/// certificate must be that very certificate and valid for the host that was called; only the
/// missing chain to a trusted root is forgiven.
/// </summary>
public static class PinnedCertificate
{
    /// <summary>The certificate part of a PEM or DER file (a development RP's <c>tls.pem</c>).</summary>
    public static X509Certificate2 Load(string path) => X509CertificateLoader.LoadCertificateFromFile(path);

    /// <summary>A handler that trusts only <paramref name="pinned"/> and, when given, presents <paramref name="clientCertificate"/>.</summary>
    public static HttpClientHandler Handler(X509Certificate2 pinned, X509Certificate2? clientCertificate = null)
    {
        var expected = pinned.RawData;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && certificate.RawData.AsSpan().SequenceEqual(expected),
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(clientCertificate);
        }

        return handler;
    }
}
