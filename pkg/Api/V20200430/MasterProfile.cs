using Newtonsoft.Json;

namespace Rp.Api.V20200430;

[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class MasterProfile
{
    /// <summary>The masters' VM size. Default Standard_D8s_v3.</summary>
    [JsonProperty("vmSize")]
    public string? VmSize { get; set; }

    /// <summary>The masters' subnet; given for all profiles or for none (then the service makes the network).</summary>
    [JsonProperty("subnetId")]
    public string? SubnetId { get; set; }
}
