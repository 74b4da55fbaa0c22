using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>The ids of the request that started an operation, carried to the backend so its log lines carry them too.</summary>
public sealed class CorrelationData : Extensible
{
    [JsonProperty("correlationRequestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? CorrelationRequestId { get; set; }

    [JsonProperty("clientRequestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? ClientRequestId { get; set; }

    [JsonProperty("requestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? RequestId { get; set; }
}
