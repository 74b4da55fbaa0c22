using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>An OpenShift cluster as api-version 2020-04-30 shows it (an ARM tracked resource).</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftCluster : IExternalResource
{
    /// <summary>Read-only: the resource id, from the URL.</summary>
    [JsonProperty("id")]
    public string? Id { get; set; }

    /// <summary>Read-only: the resource name, from the URL.</summary>
    [JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>Read-only: <c>RedHat.OpenShift/OpenShiftClusters</c>.</summary>
    [JsonProperty("type")]
    public string? Type { get; set; }

    /// <summary>Required; cannot change after create.</summary>
    [JsonProperty("location")]
    public string? Location { get; set; }

    [JsonProperty("tags")]
    public Dictionary<string, string?>? Tags { get; set; }

    [JsonProperty("properties")]
    public OpenShiftClusterProperties? Properties { get; set; }

    /// <summary>Read-only: ARM's metadata about who created and last changed the resource.</summary>
    [JsonProperty("systemData")]
    public ResourceSystemData? SystemData { get; set; }
}
