using Newtonsoft.Json;

namespace Rp.Api.V20191231Preview;

/// <summary>The cluster's kubeadmin login: the one response that carries a secret.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterCredentials
{
    /// <summary>The cluster administrator's user name: kubeadmin.</summary>
    [JsonProperty("kubeadminUsername")]
    public string? KubeadminUsername { get; set; }

    /// <summary>The cluster administrator's password.</summary>
    [Secret]
    [JsonProperty("kubeadminPassword")]
    public string? KubeadminPassword { get; set; }
}
