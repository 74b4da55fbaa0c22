using Newtonsoft.Json;

namespace Rp.Api;

public sealed class CloudErrorBody
{
    public CloudErrorBody(string code, string message, string? target = null)
    {
        Code = code;
        Message = message;
        Target = target;
    }

    [JsonProperty("code")]
    public string Code { get; set; }

    [JsonProperty("message")]
    public string Message { get; set; }

    [JsonProperty("target", NullValueHandling = NullValueHandling.Ignore)]
    public string? Target { get; set; }

    [JsonProperty("details", NullValueHandling = NullValueHandling.Ignore)]
    public List<CloudErrorBody>? Details { get; set; }
}
