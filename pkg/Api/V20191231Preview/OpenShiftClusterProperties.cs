using Newtonsoft.Json;

namespace Rp.Api.V20191231Preview;

/// <summary>The properties of an OpenShift cluster.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterProperties
{
    /// <summary>Read-only: Creating, Updating, Deleting, Succeeded, Failed or Canceled.</summary>
    [ReadOnly]
    [ApiEnum(typeof(ProvisioningState))]
    [JsonProperty("provisioningState")]
    public string? ProvisioningState { get; set; }

    /// <summary>Read-only: the state a Failed cluster failed in.</summary>
    [ReadOnly]
    [ApiEnum(typeof(ProvisioningState))]
    [JsonProperty("failedProvisioningState")]
    public string? FailedProvisioningState { get; set; }

    /// <summary>
    /// Write-only secret, required on create: the registry pull secret, base64-encoded. Never
    /// returned; omitted on update, the stored one is kept.
    /// </summary>
    [Secret]
    [JsonProperty("pullSecret")]
    public string? PullSecret { get; set; }

    /// <summary>The cluster's IPv4 ranges. Cannot change after create.</summary>
    [JsonProperty("networkProfile")]
    public NetworkProfile? NetworkProfile { get; set; }

    /// <summary>The control plane nodes. Cannot change after create.</summary>
    [JsonProperty("masterProfile")]
    public MasterProfile? MasterProfile { get; set; }

    /// <summary>The pools of worker nodes, matched by name: the set of names cannot change after create.</summary>
    [JsonProperty("workerProfiles")]
    public List<WorkerProfile>? WorkerProfiles { get; set; }

    /// <summary>Read-only: the URL of the cluster's API server.</summary>
    [ReadOnly]
    [JsonProperty("apiserverURL")]
    public string? ApiserverUrl { get; set; }

    /// <summary>Read-only: the URL of the cluster's web console.</summary>
    [ReadOnly]
    [JsonProperty("consoleURL")]
    public string? ConsoleUrl { get; set; }
}
