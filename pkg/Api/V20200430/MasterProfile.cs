using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The cluster's control plane: three master nodes.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class MasterProfile
{
    /// <summary>The masters' VM size. Default Standard_D8s_v3.</summary>
    [Immutable]
    [JsonProperty("vmSize")]
    public string? VmSize { get; set; }

    /// <summary>The masters' subnet; given for all profiles or for none (then the service makes the network).</summary>
    [Immutable]
    [JsonProperty("subnetId")]
    public string? SubnetId { get; set; }
}
