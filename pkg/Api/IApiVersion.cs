using Newtonsoft.Json.Linq;

namespace Rp.Api;

/// <summary>
/// One api-version of the cluster resource: its external shape, converter and static validator.
/// Every version is registered as an <see cref="IApiVersion"/> and gathered by name; the
/// frontend knows versions only through this contract.
/// </summary>
public interface IApiVersion
{
    /// <summary>The api-version string, e.g. <c>2019-12-31-preview</c>.</summary>
    string Name { get; }

    /// <summary>Whether <c>GET .../credentials</c> exists in this version.</summary>
    bool SupportsCredentialsGet { get; }

    /// <summary>Whether <c>POST .../listAdminCredentials</c> exists in this version.</summary>
    bool SupportsAdminCredentials { get; }

    /// <summary>The resource as this version shows it (never a secret).</summary>
    JObject ClusterToExternal(OpenShiftCluster cluster);

    /// <summary>
    /// Validates a PUT body (or a PATCH already merged onto the current resource) and applies it to
    /// <paramref name="target"/>: a new cluster (with id, name and type set) when
    /// <paramref name="current"/> is null, otherwise the current one. Fields this version does not
    /// show are left as they are; mutable fields the body omits take their defaults; secrets the
    /// body omits keep their stored values. Throws <see cref="CloudError"/> (400, with a JSON-path
    /// target) and leaves <paramref name="target"/> untouched when the body is invalid.
    /// </summary>
    void ClusterToInternal(JObject body, OpenShiftCluster? current, OpenShiftCluster target);

    /// <summary><c>{kubeadminUsername, kubeadminPassword}</c>.</summary>
    JObject CredentialsToExternal(OpenShiftCluster cluster);

    /// <summary><c>{kubeconfig}</c> (base64), for versions that support it.</summary>
    JObject AdminCredentialsToExternal(OpenShiftCluster cluster);
}
