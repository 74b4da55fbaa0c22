using Newtonsoft.Json.Linq;

namespace Rp.Api.V20200430;

/// <summary>
/// api-version 2020-04-30: properties grouped in profiles, the pull secret as JSON text, an
/// optional service principal, API server and ingress visibility, and the admin kubeconfig through
/// <c>POST .../listAdminCredentials</c>; credentials only through <c>POST .../listCredentials</c>.
/// </summary>
public sealed class ApiVersion20200430 : ApiVersionBase<OpenShiftCluster>
{
    public const string VersionName = "2020-04-30";

    public override string Name => VersionName;

    public override bool SupportsCredentialsGet => false;

    public override bool SupportsAdminCredentials => true;

    public override JObject CredentialsToExternal(Api.OpenShiftCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ExternalJson.ToJObject(OpenShiftClusterConverter.CredentialsToExternal(cluster));
    }

    public override JObject AdminCredentialsToExternal(Api.OpenShiftCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ExternalJson.ToJObject(OpenShiftClusterConverter.AdminCredentialsToExternal(cluster));
    }

    private protected override OpenShiftCluster ToExternal(Api.OpenShiftCluster cluster) => OpenShiftClusterConverter.ToExternal(cluster);

    private protected override void ApplyDefaults(OpenShiftCluster cluster, OpenShiftCluster? current) => OpenShiftClusterDefaults.Apply(cluster, current);

    private protected override void Validate(OpenShiftCluster cluster, OpenShiftCluster? current, Api.OpenShiftCluster target) =>
        OpenShiftClusterStaticValidator.Validate(cluster, current, target);

    private protected override void ToInternal(OpenShiftCluster cluster, bool isCreate, Api.OpenShiftCluster target) =>
        OpenShiftClusterConverter.ToInternal(cluster, isCreate, target);
}
