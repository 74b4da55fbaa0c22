using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The identity the cluster acts as in Azure; optional, but a client id needs a secret.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ServicePrincipalProfile
{
    /// <summary>The application (client) id, a GUID; cannot change after create.</summary>
    [Immutable]
    [JsonProperty("clientId")]
    public string? ClientId { get; set; }

    /// <summary>Write-only secret: never returned; omitted on update, the stored one is kept.</summary>
    [Secret]
    [JsonProperty("clientSecret")]
    public string? ClientSecret { get; set; }
}
