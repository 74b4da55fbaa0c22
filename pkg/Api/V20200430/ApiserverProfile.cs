using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The cluster's API server.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ApiserverProfile
{
    /// <summary>Public or Private. Default Public; cannot change after create.</summary>
    [Immutable]
    [ApiEnum(nameof(Api.Visibility), Api.Visibility.Public, Api.Visibility.Private)]
    [JsonProperty("visibility")]
    public string? Visibility { get; set; }

    /// <summary>Read-only: the URL of the cluster's API server.</summary>
    [ReadOnly]
    [JsonProperty("url")]
    public string? Url { get; set; }

    /// <summary>Read-only: the API server's IP address.</summary>
    [ReadOnly]
    [JsonProperty("ip")]
    public string? Ip { get; set; }
}
