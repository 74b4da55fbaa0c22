using Newtonsoft.Json;

namespace Rp.Api;

/// <summary>
/// An ARM error: an HTTP status and the <c>{"error":{code,message,target,details}}</c> body.
/// Thrown by validators and handlers; turned into a response in exactly one place.
/// Only <see cref="Error"/> is serialized: nothing of the exception itself reaches a client.
/// </summary>
[JsonObject(MemberSerialization.OptIn)]
public sealed class CloudError : Exception
{
    public CloudError(int statusCode, string code, string message, string? target = null)
        : base(message)
    {
        StatusCode = statusCode;
        Error = new CloudErrorBody(code, message, target);
    }

    [JsonIgnore]
    public int StatusCode { get; }

    [JsonProperty("error")]
    public CloudErrorBody Error { get; }

    public static CloudError BadRequest(string code, string message, string? target = null) => new(400, code, message, target);

    public static CloudError InvalidParameter(string target, string message) => new(400, CloudErrorCodes.InvalidParameter, message, target);
}
