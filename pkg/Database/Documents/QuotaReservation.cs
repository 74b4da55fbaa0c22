using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>
/// What a request that passed the quota check is about to write, recorded in the subscription
/// document before the cluster document: a concurrent request sees it even though the cluster
/// document is not written yet. It counts for a short while only, and a cluster counts once, at
/// the larger of its document and its reservation.
/// </summary>
public sealed class QuotaReservation : Extensible
{
    /// <summary>Unique per request, so a request only ever withdraws its own reservation.</summary>
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    /// <summary>The cluster document's key (the lower-cased resource id).</summary>
    [JsonProperty("clusterKey")]
    public string ClusterKey { get; set; } = "";

    [JsonProperty("location")]
    public string Location { get; set; } = "";

    [JsonProperty("vCpus")]
    public int VCpus { get; set; }

    [JsonProperty("reservedAt")]
    public DateTimeOffset ReservedAt { get; set; }
}
