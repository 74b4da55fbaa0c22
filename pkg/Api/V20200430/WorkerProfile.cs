using System.ComponentModel.DataAnnotations;
using Newtonsoft.Json;
using Rp.Api.Validation;

namespace Rp.Api.V20200430;

/// <summary>A pool of identical worker nodes; only <see cref="Count"/> can change after create.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class WorkerProfile
{
    /// <summary>Required, unique: a DNS label such as <c>worker</c>.</summary>
    [Immutable]
    [JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>The workers' VM size. Default Standard_D2s_v3; cannot change after create.</summary>
    [Immutable]
    [JsonProperty("vmSize")]
    public string? VmSize { get; set; }

    /// <summary>The size of each worker's OS disk in GB, 128 to 2048. Default 128; cannot change after create.</summary>
    [Immutable]
    [Range(ProfileRules.MinDiskSizeGB, ProfileRules.MaxDiskSizeGB)]
    [JsonProperty("diskSizeGB")]
    public int? DiskSizeGB { get; set; }

    /// <summary>The workers' subnet: one of the masters' virtual network, other than theirs. Cannot change after create.</summary>
    [Immutable]
    [JsonProperty("subnetId")]
    public string? SubnetId { get; set; }

    /// <summary>The number of workers, 3 to 50. Default 3.</summary>
    [Range(ProfileRules.MinWorkerCount, ProfileRules.MaxWorkerCount)]
    [JsonProperty("count")]
    public int? Count { get; set; }
}
