using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Rp.Frontend.Authentication;

/// <summary>
/// The certificates ARM calls with: the configured pinned ones, and the set last fetched from ARM's
/// metadata endpoint, which a refresh replaces as a whole (one reference swap: a request sees the
/// old set or the new one, never a mix).
/// </summary>
internal sealed class ArmCertificates
{
    private readonly IReadOnlyList<PinnedCertificate> pinned;
    private volatile Published published = new([], null);

    public ArmCertificates(IOptions<ArmAuthenticationOptions> options)
    {
        var configured = new List<PinnedCertificate>();
        foreach (var path in options.Value.PinnedCertificates.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(path);
            if (certificates.Count == 0)
            {
                throw new InvalidOperationException($"{ArmAuthenticationOptions.SectionName}:{nameof(ArmAuthenticationOptions.PinnedCertificates)}: '{path}' holds no PEM certificate.");
            }

            configured.AddRange(certificates.Select(PinnedCertificate.Of));
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }

        pinned = configured;
    }

    /// <summary>When the published set was last fetched; null before the first successful refresh.</summary>
    public DateTimeOffset? RefreshedAt => published.RefreshedAt;

    /// <summary>Replaces the published set.</summary>
    public void Publish(IReadOnlyList<PinnedCertificate> certificates, DateTimeOffset refreshedAt) => published = new Published(certificates, refreshedAt);

    /// <summary>Whether <paramref name="certificate"/> is, byte for byte, one ARM calls with now.</summary>
    public bool Accepts(X509Certificate2 certificate, DateTimeOffset now) =>
        All().Any(p => p.IsValidAt(now) && p.Matches(certificate));

    /// <summary>Whether any certificate could be accepted now.</summary>
    public bool HasValid(DateTimeOffset now) => All().Any(p => p.IsValidAt(now));

    private IEnumerable<PinnedCertificate> All() => pinned.Concat(published.Certificates);

    private sealed record Published(IReadOnlyList<PinnedCertificate> Certificates, DateTimeOffset? RefreshedAt);
}
