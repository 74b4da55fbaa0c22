using Newtonsoft.Json;

namespace Rp.Frontend.Authentication;

/// <summary>The body of ARM's <c>/metadata/authentication</c>: the client certificates ARM calls resource providers with.</summary>
internal sealed class ArmMetadata
{
    [JsonProperty("clientCertificates")]
    public List<ArmMetadataCertificate>? ClientCertificates { get; set; }
}
