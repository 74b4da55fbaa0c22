using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>An ingress controller of the cluster. Default: one named <c>default</c>, Public.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class IngressProfile
{
    /// <summary>Required, unique: a DNS label.</summary>
    [Immutable]
    [JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>Public or Private. Default Public; cannot change after create.</summary>
    [Immutable]
    [ApiEnum(nameof(Api.Visibility), Api.Visibility.Public, Api.Visibility.Private)]
    [JsonProperty("visibility")]
    public string? Visibility { get; set; }

    /// <summary>Read-only: the ingress controller's IP address.</summary>
    [ReadOnly]
    [JsonProperty("ip")]
    public string? Ip { get; set; }
}
