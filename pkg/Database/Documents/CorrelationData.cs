using System.Diagnostics;
using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>
/// The ids of the request that started an operation, carried to the backend so its log lines
/// carry them too; and its W3C trace context, so the forwarder and the backend continue the
/// request's trace.
/// </summary>
public sealed class CorrelationData : Extensible
{
    [JsonProperty("correlationRequestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? CorrelationRequestId { get; set; }

    [JsonProperty("clientRequestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? ClientRequestId { get; set; }

    [JsonProperty("requestId", NullValueHandling = NullValueHandling.Ignore)]
    public string? RequestId { get; set; }

    /// <summary>The request's <c>traceparent</c> (W3C trace context), when it was traced.</summary>
    [JsonProperty("traceParent", NullValueHandling = NullValueHandling.Ignore)]
    public string? TraceParent { get; set; }

    [JsonProperty("traceState", NullValueHandling = NullValueHandling.Ignore)]
    public string? TraceState { get; set; }

    /// <summary>When the frontend accepted the request: the forwarder's lag is measured from it.</summary>
    [JsonProperty("acceptedAt", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The request's trace context to continue; default when it was not traced.</summary>
    public ActivityContext TraceContext() =>
        ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var context) ? context : default;
}
