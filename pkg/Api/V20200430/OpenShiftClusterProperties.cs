using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The properties of an OpenShift cluster.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterProperties
{
    /// <summary>Read-only: Creating, Updating, Deleting, Succeeded, Failed or Canceled.</summary>
    [ReadOnly]
    [ApiEnum(typeof(ProvisioningState))]
    [JsonProperty("provisioningState")]
    public string? ProvisioningState { get; set; }

    /// <summary>The cluster's identity: pull secret, domain, version and infrastructure resource group.</summary>
    [JsonProperty("clusterProfile")]
    public ClusterProfile? ClusterProfile { get; set; }

    /// <summary>The cluster's web console.</summary>
    [JsonProperty("consoleProfile")]
    public ConsoleProfile? ConsoleProfile { get; set; }

    /// <summary>The identity the cluster acts as in Azure.</summary>
    [JsonProperty("servicePrincipalProfile")]
    public ServicePrincipalProfile? ServicePrincipalProfile { get; set; }

    /// <summary>The cluster's IPv4 ranges. Cannot change after create.</summary>
    [JsonProperty("networkProfile")]
    public NetworkProfile? NetworkProfile { get; set; }

    /// <summary>The control plane nodes. Cannot change after create.</summary>
    [JsonProperty("masterProfile")]
    public MasterProfile? MasterProfile { get; set; }

    /// <summary>The pools of worker nodes, matched by name: the set of names cannot change after create.</summary>
    [JsonProperty("workerProfiles")]
    public List<WorkerProfile>? WorkerProfiles { get; set; }

    /// <summary>The cluster's API server.</summary>
    [JsonProperty("apiserverProfile")]
    public ApiserverProfile? ApiserverProfile { get; set; }

    /// <summary>The cluster's ingress controllers, matched by name: the set of names cannot change after create.</summary>
    [JsonProperty("ingressProfiles")]
    public List<IngressProfile>? IngressProfiles { get; set; }
}
