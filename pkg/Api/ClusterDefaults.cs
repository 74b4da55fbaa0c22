namespace Rp.Api;

/// <summary>The server-side defaults every api-version applies to what a create request omits.</summary>
public static class ClusterDefaults
{
    public const string VnetCidr = "10.0.0.0/16";
    public const string PodCidr = "10.128.0.0/14";
    public const string ServiceCidr = "172.30.0.0/16";
    public const string MasterVmSize = "Standard_D8s_v3";
    public const string WorkerProfileName = "worker";
    public const string WorkerVmSize = "Standard_D2s_v3";
    public const int WorkerDiskSizeGB = 128;
    public const int WorkerCount = 3;
    public const string Visibility = Api.Visibility.Public;
    public const string IngressProfileName = "default";

    /// <summary>The fixed user name of the cluster's bootstrap administrator.</summary>
    public const string KubeadminUsername = "kubeadmin";

    /// <summary>
    /// On create, fills what the creating api-version does not let a client choose, so the stored
    /// cluster is complete whichever version created it and another version that shows the field
    /// sees the value the cluster really has (not a change when it sends the default back).
    /// </summary>
    public static void CompleteOnCreate(OpenShiftClusterProperties properties)
    {
        properties.NetworkProfile.VnetCidr ??= VnetCidr;
        properties.ApiserverProfile.Visibility ??= Visibility;
        if (properties.IngressProfiles.Count == 0)
        {
            properties.IngressProfiles.Add(new IngressProfile { Name = IngressProfileName, Visibility = Visibility });
        }
    }
}
