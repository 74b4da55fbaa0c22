using Newtonsoft.Json;

namespace Rp.Api.V20200430;

[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterProperties
{
    /// <summary>Read-only: Creating, Updating, Deleting, Succeeded, Failed or Canceled.</summary>
    [JsonProperty("provisioningState")]
    public string? ProvisioningState { get; set; }

    [JsonProperty("clusterProfile")]
    public ClusterProfile? ClusterProfile { get; set; }

    [JsonProperty("consoleProfile")]
    public ConsoleProfile? ConsoleProfile { get; set; }

    [JsonProperty("servicePrincipalProfile")]
    public ServicePrincipalProfile? ServicePrincipalProfile { get; set; }

    /// <summary>Cannot change after create.</summary>
    [JsonProperty("networkProfile")]
    public NetworkProfile? NetworkProfile { get; set; }

    /// <summary>Cannot change after create.</summary>
    [JsonProperty("masterProfile")]
    public MasterProfile? MasterProfile { get; set; }

    [JsonProperty("workerProfiles")]
    public List<WorkerProfile>? WorkerProfiles { get; set; }

    [JsonProperty("apiserverProfile")]
    public ApiserverProfile? ApiserverProfile { get; set; }

    [JsonProperty("ingressProfiles")]
    public List<IngressProfile>? IngressProfiles { get; set; }
}
