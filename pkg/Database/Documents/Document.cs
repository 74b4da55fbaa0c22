using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>
/// What every persisted document shares: an id unique in its partition, the partition key,
/// and the store's ETag (read from the store, never trusted from a body).
/// </summary>
public abstract class Document : Extensible
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("partitionKey")]
    public string PartitionKey { get; set; } = "";

    /// <summary>The store's version stamp; every conditional write is guarded by it.</summary>
    [JsonProperty("_etag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }
}
