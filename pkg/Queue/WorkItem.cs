using System.Diagnostics;
using Newtonsoft.Json;

namespace Rp.Queue;

/// <summary>
/// The body of a queue message: which document may need work, the request's correlation ids, and
/// the W3C trace context of the forwarding, which the backend's work continues.
/// </summary>
public sealed class WorkItem
{
    [JsonProperty("documentId")]
    public string DocumentId { get; set; } = "";

    [JsonProperty("partitionKey")]
    public string PartitionKey { get; set; } = "";

    [JsonProperty("correlationRequestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? CorrelationRequestId { get; set; }

    [JsonProperty("clientRequestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? ClientRequestId { get; set; }

    [JsonProperty("requestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? RequestId { get; set; }

    [JsonProperty("traceParent", NullValueHandling = NullValueHandling.Ignore)]
    public string? TraceParent { get; set; }

    [JsonProperty("traceState", NullValueHandling = NullValueHandling.Ignore)]
    public string? TraceState { get; set; }

    /// <summary>The trace context to continue; default when the message carries none (or a malformed one).</summary>
    public ActivityContext ParentContext() =>
        ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var context) ? context : default;

    public string Serialize() => JsonConvert.SerializeObject(this);

    public static WorkItem? TryParse(string body)
    {
        try
        {
            var item = JsonConvert.DeserializeObject<WorkItem>(body);
            return item is { DocumentId.Length: > 0, PartitionKey.Length: > 0 } ? item : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
