using System.Text;
using Rp.Api.Validation;

namespace Rp.Api.V20200430;

/// <summary>Between the internal model and this version's: secrets and internal-only fields never go out.</summary>
internal static class OpenShiftClusterConverter
{
    public static OpenShiftCluster ToExternal(Api.OpenShiftCluster cluster)
    {
        var properties = cluster.Properties;
        return new OpenShiftCluster
        {
            Id = cluster.Id,
            Name = cluster.Name,
            Type = cluster.Type,
            Location = cluster.Location,
            Tags = cluster.Tags?.ToDictionary(t => t.Key, t => (string?)t.Value),
            SystemData = ResourceSystemData.FromInternal(cluster.SystemData),
            Properties = new OpenShiftClusterProperties
            {
                ProvisioningState = properties.ProvisioningState.ToString(),
                ClusterProfile = new ClusterProfile
                {
                    Domain = properties.ClusterProfile.Domain,
                    Version = properties.ClusterProfile.Version,
                    ResourceGroupId = properties.ClusterProfile.ResourceGroupId,
                },
                ConsoleProfile = new ConsoleProfile { Url = properties.ConsoleProfile.Url },
                ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = properties.ServicePrincipalProfile.ClientId },
                NetworkProfile = new NetworkProfile
                {
                    PodCidr = properties.NetworkProfile.PodCidr,
                    ServiceCidr = properties.NetworkProfile.ServiceCidr,
                },
                MasterProfile = new MasterProfile
                {
                    VmSize = properties.MasterProfile.VmSize,
                    SubnetId = properties.MasterProfile.SubnetId,
                },
                WorkerProfiles =
                [
                    .. properties.WorkerProfiles.Select(w => new WorkerProfile
                    {
                        Name = w.Name,
                        VmSize = w.VmSize,
                        DiskSizeGB = w.DiskSizeGB,
                        SubnetId = w.SubnetId,
                        Count = w.Count,
                    }),
                ],
                ApiserverProfile = new ApiserverProfile
                {
                    Visibility = properties.ApiserverProfile.Visibility,
                    Url = properties.ApiserverProfile.Url,
                    Ip = properties.ApiserverProfile.Ip,
                },
                IngressProfiles =
                [
                    .. properties.IngressProfiles.Select(i => new IngressProfile
                    {
                        Name = i.Name,
                        Visibility = i.Visibility,
                        Ip = i.Ip,
                    }),
                ],
            },
        };
    }

    /// <summary>Writes a defaulted, validated <paramref name="cluster"/> onto <paramref name="target"/>.</summary>
    public static void ToInternal(OpenShiftCluster cluster, bool isCreate, Api.OpenShiftCluster target)
    {
        if (isCreate)
        {
            target.Location = cluster.Location!;
        }

        target.Tags = cluster.Tags?.ToDictionary(t => t.Key, t => t.Value!);

        var properties = cluster.Properties!;
        var internalProperties = target.Properties;

        var clusterProfile = properties.ClusterProfile!;
        if (clusterProfile.PullSecret is not null)
        {
            internalProperties.ClusterProfile.PullSecret = new Secret(clusterProfile.PullSecret);
        }

        internalProperties.ClusterProfile.Domain = clusterProfile.Domain;
        internalProperties.ClusterProfile.Version = clusterProfile.Version;
        internalProperties.ClusterProfile.ResourceGroupId = clusterProfile.ResourceGroupId;

        var servicePrincipal = properties.ServicePrincipalProfile!;
        internalProperties.ServicePrincipalProfile.ClientId = servicePrincipal.ClientId;
        if (servicePrincipal.ClientSecret is not null)
        {
            internalProperties.ServicePrincipalProfile.ClientSecret = new Secret(servicePrincipal.ClientSecret);
        }

        internalProperties.NetworkProfile.PodCidr = properties.NetworkProfile!.PodCidr;
        internalProperties.NetworkProfile.ServiceCidr = properties.NetworkProfile.ServiceCidr;
        internalProperties.MasterProfile.VmSize = VmSizes.Canonical(properties.MasterProfile!.VmSize);
        internalProperties.MasterProfile.SubnetId = properties.MasterProfile.SubnetId;
        internalProperties.WorkerProfiles = NamedProfiles.Apply(
            internalProperties.WorkerProfiles,
            properties.WorkerProfiles!,
            w => w.Name,
            w => w.Name,
            (external, worker) =>
            {
                worker.Name = external.Name;
                worker.VmSize = VmSizes.Canonical(external.VmSize);
                worker.DiskSizeGB = external.DiskSizeGB!.Value;
                worker.SubnetId = external.SubnetId;
                worker.Count = external.Count!.Value;
            });

        internalProperties.ApiserverProfile.Visibility = Visibility.Canonical(properties.ApiserverProfile!.Visibility);
        internalProperties.IngressProfiles = NamedProfiles.Apply(
            internalProperties.IngressProfiles,
            properties.IngressProfiles!,
            i => i.Name,
            i => i.Name,
            (external, ingress) =>
            {
                ingress.Name = external.Name;
                ingress.Visibility = Visibility.Canonical(external.Visibility);
            });
        if (isCreate)
        {
            ClusterDefaults.CompleteOnCreate(internalProperties);
        }
    }

    public static OpenShiftClusterCredentials CredentialsToExternal(Api.OpenShiftCluster cluster) => new()
    {
        KubeadminUsername = ClusterDefaults.KubeadminUsername,
        KubeadminPassword = cluster.Properties.KubeadminPassword?.Reveal(),
    };

    public static OpenShiftClusterAdminKubeconfig AdminCredentialsToExternal(Api.OpenShiftCluster cluster) => new()
    {
        Kubeconfig = cluster.Properties.AdminKubeconfig is { } kubeconfig ? Convert.ToBase64String(Encoding.UTF8.GetBytes(kubeconfig.Reveal())) : null,
    };
}
