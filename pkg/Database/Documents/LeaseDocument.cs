using Newtonsoft.Json;

namespace Rp.Database.Documents;

/// <summary>
/// A row of the <c>Leases</c> container: a leader lease (owner + expiry) and/or a checkpoint
/// (a change-feed continuation). Id and partition key are the lease name.
/// </summary>
public sealed class LeaseDocument : Document
{
    [JsonProperty("owner", NullValueHandling = NullValueHandling.Ignore)]
    public string? Owner { get; set; }

    [JsonProperty("expires", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? Expires { get; set; }

    [JsonProperty("continuation", NullValueHandling = NullValueHandling.Ignore)]
    public string? Continuation { get; set; }
}
