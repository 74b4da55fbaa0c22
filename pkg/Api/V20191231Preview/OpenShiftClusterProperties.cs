using Newtonsoft.Json;

namespace Rp.Api.V20191231Preview;

[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterProperties
{
    /// <summary>Read-only: Creating, Updating, Deleting, Succeeded, Failed or Canceled.</summary>
    [JsonProperty("provisioningState")]
    public string? ProvisioningState { get; set; }

    /// <summary>Read-only: the state a Failed cluster failed in.</summary>
    [JsonProperty("failedProvisioningState")]
    public string? FailedProvisioningState { get; set; }

    /// <summary>
    /// Write-only secret, required on create: the registry pull secret, base64-encoded. Never
    /// returned; omitted on update, the stored one is kept.
    /// </summary>
    [JsonProperty("pullSecret")]
    public string? PullSecret { get; set; }

    /// <summary>Cannot change after create.</summary>
    [JsonProperty("networkProfile")]
    public NetworkProfile? NetworkProfile { get; set; }

    /// <summary>Cannot change after create.</summary>
    [JsonProperty("masterProfile")]
    public MasterProfile? MasterProfile { get; set; }

    [JsonProperty("workerProfiles")]
    public List<WorkerProfile>? WorkerProfiles { get; set; }

    /// <summary>Read-only: the URL of the cluster's API server.</summary>
    [JsonProperty("apiserverURL")]
    public string? ApiserverUrl { get; set; }

    /// <summary>Read-only: the URL of the cluster's web console.</summary>
    [JsonProperty("consoleURL")]
    public string? ConsoleUrl { get; set; }
}
