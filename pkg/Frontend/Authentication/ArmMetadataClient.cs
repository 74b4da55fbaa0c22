using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Rp.Frontend.Authentication;

/// <summary>
/// Fetches the certificates ARM publishes, on an <see cref="HttpClient"/> whose handler retries
/// transient failures and never follows a redirect (see <see cref="AuthenticationServiceCollectionExtensions"/>).
/// </summary>
internal sealed class ArmMetadataClient(HttpClient http, IOptions<ArmAuthenticationOptions> options)
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.DateTimeOffset, MaxDepth = 16 };

    /// <summary>
    /// The published certificates; <see cref="InvalidDataException"/> if the answer is not
    /// metadata or holds no certificate usable at <paramref name="now"/> (then the current set
    /// must stay), <see cref="HttpRequestException"/> if ARM did not answer 200.
    /// </summary>
    public async Task<IReadOnlyList<PinnedCertificate>> GetAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var url = options.Value.MetadataUrl ?? throw new InvalidOperationException($"{ArmAuthenticationOptions.SectionName}:{nameof(ArmAuthenticationOptions.MetadataUrl)} is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"ARM's metadata endpoint answered '{response.Content.Headers.ContentType}', not application/json.");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ArmMetadata? metadata;
        try
        {
            metadata = JsonConvert.DeserializeObject<ArmMetadata>(text, Settings);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"ARM's metadata is not valid: {e.Message}", e);
        }

        var certificates = (metadata?.ClientCertificates ?? []).Select(Pin).ToList();
        if (!certificates.Any(c => c.IsValidAt(now)))
        {
            throw new InvalidDataException("ARM's metadata lists no client certificate valid now.");
        }

        return certificates;
    }

    private static PinnedCertificate Pin(ArmMetadataCertificate published)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(published.Certificate ?? "");
            using var parsed = X509CertificateLoader.LoadCertificate(raw);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidDataException($"ARM's metadata lists a certificate ({published.Thumbprint}) that is not base64 DER: {e.Message}", e);
        }

        return new PinnedCertificate(raw, published.NotBefore, published.NotAfter);
    }
}
