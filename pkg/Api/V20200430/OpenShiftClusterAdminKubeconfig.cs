using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The cluster's admin kubeconfig: a response that carries a secret.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterAdminKubeconfig
{
    /// <summary>The kubeconfig file, base64-encoded.</summary>
    [JsonProperty("kubeconfig")]
    public string? Kubeconfig { get; set; }
}
