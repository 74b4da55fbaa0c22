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
}
