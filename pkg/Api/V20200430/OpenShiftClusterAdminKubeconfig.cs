using Newtonsoft.Json;

namespace Rp.Api.V20200430;

/// <summary>The cluster's admin kubeconfig: a response that carries a secret.</summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed class OpenShiftClusterAdminKubeconfig
{
    /// <summary>The kubeconfig file, base64-encoded.</summary>
    [Secret]
    [JsonProperty("kubeconfig")]
    public string? Kubeconfig { get; set; }
}
