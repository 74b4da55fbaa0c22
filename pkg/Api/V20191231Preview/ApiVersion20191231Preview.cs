using Newtonsoft.Json.Linq;

namespace Rp.Api.V20191231Preview;

/// <summary>
/// api-version 2019-12-31-preview: a flat property bag with the pull secret base64-encoded, the
/// kubeadmin credentials also at <c>GET .../credentials</c>, no admin kubeconfig.
/// </summary>
public sealed class ApiVersion20191231Preview : ApiVersionBase<OpenShiftCluster>
{
    public const string VersionName = "2019-12-31-preview";

    public override string Name => VersionName;

    public override bool SupportsCredentialsGet => true;

    public override bool SupportsAdminCredentials => false;

    public override JObject CredentialsToExternal(Api.OpenShiftCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ExternalJson.ToJObject(OpenShiftClusterConverter.CredentialsToExternal(cluster));
    }

    public override JObject AdminCredentialsToExternal(Api.OpenShiftCluster cluster) =>
        throw new NotSupportedException($"api-version {VersionName} has no admin credentials; check {nameof(SupportsAdminCredentials)} first.");

    private protected override OpenShiftCluster ToExternal(Api.OpenShiftCluster cluster) => OpenShiftClusterConverter.ToExternal(cluster);

    private protected override void ApplyDefaults(OpenShiftCluster cluster, OpenShiftCluster? current) => OpenShiftClusterDefaults.Apply(cluster, current);

    private protected override void Validate(OpenShiftCluster cluster, OpenShiftCluster? current, Api.OpenShiftCluster target) =>
        OpenShiftClusterStaticValidator.Validate(cluster, current, target);

    private protected override void ToInternal(OpenShiftCluster cluster, bool isCreate, Api.OpenShiftCluster target) =>
        OpenShiftClusterConverter.ToInternal(cluster, isCreate, target);
}
