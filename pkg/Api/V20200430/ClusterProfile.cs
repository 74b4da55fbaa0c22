using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The cluster's identity: what it pulls images with, its DNS domain, its version and where its infrastructure lives.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class ClusterProfile
{
    /// <summary>
    /// Write-only secret, required on create: the registry pull secret as its JSON text
    /// (<c>{"auths":{...}}</c>, not base64). Never returned; omitted on update, the stored one is kept.
    /// </summary>
    [Secret]
    [JsonProperty("pullSecret")]
    public string? PullSecret { get; set; }

    /// <summary>The cluster's DNS domain; chosen by the service when omitted on create; cannot change after create.</summary>
    [Immutable]
    [JsonProperty("domain")]
    public string? Domain { get; set; }

    /// <summary>The OpenShift version (major.minor.patch); chosen by the service when omitted; omitted on update, the stored one is kept.</summary>
    [JsonProperty("version")]
    public string? Version { get; set; }

    /// <summary>
    /// The id of the resource group the cluster's infrastructure lives in: in the cluster's
    /// subscription, not the cluster's own resource group. Chosen by the service when omitted on
    /// create; cannot change after create.
    /// </summary>
    [Immutable]
    [JsonProperty("resourceGroupId")]
    public string? ResourceGroupId { get; set; }
}
