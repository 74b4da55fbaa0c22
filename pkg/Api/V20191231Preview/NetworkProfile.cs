using Newtonsoft.Json;

namespace Rp.Api.V20191231Preview;

/// <summary>The cluster's IPv4 ranges; none may overlap another.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class NetworkProfile
{
    /// <summary>The virtual network's range, /8 to /27. Default 10.0.0.0/16.</summary>
    [Immutable]
    [JsonProperty("vnetCidr")]
    public string? VnetCidr { get; set; }

    /// <summary>The pods' range, /8 to /18, one /23 per node. Default 10.128.0.0/14.</summary>
    [Immutable]
    [JsonProperty("podCidr")]
    public string? PodCidr { get; set; }

    /// <summary>The services' range, /8 to /22. Default 172.30.0.0/16.</summary>
    [Immutable]
    [JsonProperty("serviceCidr")]
    public string? ServiceCidr { get; set; }
}
