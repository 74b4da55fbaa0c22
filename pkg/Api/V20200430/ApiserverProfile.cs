using Newtonsoft.Json;

namespace Rp.Api.V20200430;

[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ApiserverProfile
{
    /// <summary>Public or Private. Default Public; cannot change after create.</summary>
    [JsonProperty("visibility")]
    public string? Visibility { get; set; }

    /// <summary>Read-only: the URL of the cluster's API server.</summary>
    [JsonProperty("url")]
    public string? Url { get; set; }

    /// <summary>Read-only: the API server's IP address.</summary>
    [JsonProperty("ip")]
    public string? Ip { get; set; }
}
