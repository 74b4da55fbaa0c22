namespace Rp.Api;

public sealed class OpenShiftClusterProperties : Extensible
{
    public ProvisioningState ProvisioningState { get; set; }

    /// <summary>The state the last terminal operation started from (for a retried PUT after failure).</summary>
    public ProvisioningState? LastProvisioningState { get; set; }

    /// <summary>The non-terminal state a Failed cluster failed in.</summary>
    public ProvisioningState? FailedProvisioningState { get; set; }

    public ClusterProfile ClusterProfile { get; set; } = new();

    public ConsoleProfile ConsoleProfile { get; set; } = new();

    public ServicePrincipalProfile ServicePrincipalProfile { get; set; } = new();

    public NetworkProfile NetworkProfile { get; set; } = new();

    public MasterProfile MasterProfile { get; set; } = new();

    public List<WorkerProfile> WorkerProfiles { get; set; } = [];

    public ApiserverProfile ApiserverProfile { get; set; } = new();

    public List<IngressProfile> IngressProfiles { get; set; } = [];

    // Internal-only fields: never shown by any api-version.

    public Secret? KubeadminPassword { get; set; }

    public Secret? AdminKubeconfig { get; set; }

    public ClusterPki? Pki { get; set; }

    public InstallState Install { get; set; } = new();
}
