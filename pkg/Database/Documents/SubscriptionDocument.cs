using Newtonsoft.Json;

namespace Rp.Database.Documents;

/// <summary>A subscription as ARM last notified it. Id and partition key are the lower-cased subscription id.</summary>
public sealed class SubscriptionDocument : Document
{
    [JsonProperty("subscription")]
    public Subscription Subscription { get; set; } = new();

    /// <summary>Set when the subscription is Deleted and its clusters still have to be deleted by the backend.</summary>
    [JsonProperty("deleting", NullValueHandling = NullValueHandling.Ignore)]
    public bool? Deleting { get; set; }

    /// <summary>The operator's quota override (admin API); null: the configured defaults.</summary>
    [JsonProperty("quota", NullValueHandling = NullValueHandling.Ignore)]
    public SubscriptionQuota? Quota { get; set; }

    /// <summary>Quota taken by requests whose cluster documents may not be written yet (see <see cref="QuotaReservation"/>).</summary>
    [JsonProperty("quotaReservations", NullValueHandling = NullValueHandling.Ignore)]
    public List<QuotaReservation>? QuotaReservations { get; set; }
}
