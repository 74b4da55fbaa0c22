using Newtonsoft.Json;

namespace Rp.Api.V20191231Preview;

/// <summary>The cluster's control plane: three master nodes.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class MasterProfile
{
    /// <summary>The masters' VM size. Default Standard_D8s_v3.</summary>
    [Immutable]
    [JsonProperty("vmSize")]
    public string? VmSize { get; set; }
}
