using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>A pool of identical worker nodes; only <see cref="Count"/> can change after create.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkerProfile
{
    /// <summary>Required, unique: a DNS label such as <c>worker</c>.</summary>
    [JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>Default Standard_D2s_v3.</summary>
    [JsonProperty("vmSize")]
    public string? VmSize { get; set; }

    /// <summary>128 to 2048. Default 128.</summary>
    [JsonProperty("diskSizeGB")]
    public int? DiskSizeGB { get; set; }

    /// <summary>A subnet of the masters' virtual network, other than theirs.</summary>
    [JsonProperty("subnetId")]
    public string? SubnetId { get; set; }

    /// <summary>3 to 50. Default 3.</summary>
    [JsonProperty("count")]
    public int? Count { get; set; }
}
