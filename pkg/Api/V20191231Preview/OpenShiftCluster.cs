using Newtonsoft.Json;

namespace Rp.Api.V20191231Preview;

/// <summary>An OpenShift cluster as api-version 2019-12-31-preview shows it (an ARM tracked resource).</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftCluster : IExternalResource
{
    /// <summary>Read-only: the resource id, from the URL.</summary>
    [ReadOnly]
    [JsonProperty("id")]
    public string? Id { get; set; }

    /// <summary>Read-only: the resource name, from the URL.</summary>
    [ReadOnly]
    [JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>Read-only: <c>RedHat.OpenShift/OpenShiftClusters</c>.</summary>
    [ReadOnly]
    [JsonProperty("type")]
    public string? Type { get; set; }

    /// <summary>The Azure region the cluster lives in. Required; cannot change after create.</summary>
    [Immutable]
    [JsonProperty("location")]
    public string? Location { get; set; }

    /// <summary>The resource tags: at most 50; a PATCH replaces the whole set.</summary>
    [JsonProperty("tags")]
    public Dictionary<string, string?>? Tags { get; set; }

    /// <summary>The cluster's properties.</summary>
    [JsonProperty("properties")]
    public OpenShiftClusterProperties? Properties { get; set; }

    /// <summary>Read-only: ARM's metadata about who created and last changed the resource.</summary>
    [ReadOnly]
    [JsonProperty("systemData")]
    public ResourceSystemData? SystemData { get; set; }
}
