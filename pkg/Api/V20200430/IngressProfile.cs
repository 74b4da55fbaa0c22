using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>An ingress controller of the cluster. Default: one named <c>default</c>, Public.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class IngressProfile
{
    /// <summary>Required, unique: a DNS label.</summary>
    [JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>Public or Private. Default Public; cannot change after create.</summary>
    [JsonProperty("visibility")]
    public string? Visibility { get; set; }

    /// <summary>Read-only: the ingress controller's IP address.</summary>
    [JsonProperty("ip")]
    public string? Ip { get; set; }
}
