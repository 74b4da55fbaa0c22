using Newtonsoft.Json;

namespace Rp.Api.V20200430;

[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ConsoleProfile
{
    /// <summary>Read-only: the URL of the cluster's web console.</summary>
    [JsonProperty("url")]
    public string? Url { get; set; }
}
