using Newtonsoft.Json;

namespace Rp.Queue;

/// <summary>The body of a queue message: which document may need work, and the request's correlation ids.</summary>
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
