using Rp.Api.Validation;

namespace Rp.Api.V20191231Preview;

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
                FailedProvisioningState = properties.FailedProvisioningState?.ToString(),
                NetworkProfile = new NetworkProfile
                {
                    VnetCidr = properties.NetworkProfile.VnetCidr,
                    PodCidr = properties.NetworkProfile.PodCidr,
                    ServiceCidr = properties.NetworkProfile.ServiceCidr,
                },
                MasterProfile = new MasterProfile { VmSize = properties.MasterProfile.VmSize },
                WorkerProfiles =
                [
                    .. properties.WorkerProfiles.Select(w => new WorkerProfile
                    {
                        Name = w.Name,
                        VmSize = w.VmSize,
                        DiskSizeGB = w.DiskSizeGB,
                        Count = w.Count,
                    }),
                ],
                ApiserverUrl = properties.ApiserverProfile.Url,
                ConsoleUrl = properties.ConsoleProfile.Url,
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
        if (properties.PullSecret is not null)
        {
            internalProperties.ClusterProfile.PullSecret = new Secret(PullSecrets.DecodeBase64(properties.PullSecret)!);
        }

        internalProperties.NetworkProfile.VnetCidr = properties.NetworkProfile!.VnetCidr;
        internalProperties.NetworkProfile.PodCidr = properties.NetworkProfile.PodCidr;
        internalProperties.NetworkProfile.ServiceCidr = properties.NetworkProfile.ServiceCidr;
        internalProperties.MasterProfile.VmSize = VmSizes.Canonical(properties.MasterProfile!.VmSize);
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
                worker.Count = external.Count!.Value;
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
}
