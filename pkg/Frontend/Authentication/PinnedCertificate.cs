using System.Security.Cryptography.X509Certificates;

namespace Rp.Frontend.Authentication;

/// <summary>A certificate accepted as ARM's: its exact bytes, and when it may be used.</summary>
internal sealed record PinnedCertificate(byte[] RawData, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    /// <summary>A certificate of a PEM file: usable as long as the certificate itself is valid.</summary>
    public static PinnedCertificate Of(X509Certificate2 certificate) =>
        new(certificate.RawData, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));

    public bool IsValidAt(DateTimeOffset now) => NotBefore <= now && now < NotAfter;

    public bool Matches(X509Certificate2 certificate) => certificate.RawDataMemory.Span.SequenceEqual(RawData);
}
