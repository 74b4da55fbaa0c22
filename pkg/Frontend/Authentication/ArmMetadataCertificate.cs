using Newtonsoft.Json;

namespace Rp.Frontend.Authentication;

/// <summary>One certificate of <see cref="ArmMetadata"/>: base64 DER, and the window in which ARM uses it.</summary>
internal sealed class ArmMetadataCertificate
{
    [JsonProperty("thumbprint")]
    public string? Thumbprint { get; set; }

    [JsonProperty("notBefore")]
    public DateTimeOffset NotBefore { get; set; }

    [JsonProperty("notAfter")]
    public DateTimeOffset NotAfter { get; set; }

    [JsonProperty("certificate")]
    public string? Certificate { get; set; }
}
