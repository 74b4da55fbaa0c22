using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The cluster's web console.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ConsoleProfile
{
    /// <summary>Read-only: the URL of the cluster's web console.</summary>
    [ReadOnly]
    [JsonProperty("url")]
    public string? Url { get; set; }
}
