namespace Rp.Api.V20200430;

/// <summary>
/// What a body omits: on create, the server defaults (the domain, version, resource group and
/// subnets stay unset: the service chooses them); on update, the stored value of what cannot change
/// (so a PUT need not repeat it) and the default of what can (a PUT replaces). The version is the
/// exception: omitted, it stays what it is, since the service chose it.
/// </summary>
internal static class OpenShiftClusterDefaults
{
    public static void Apply(OpenShiftCluster cluster, OpenShiftCluster? current)
    {
        var isCreate = current is null;
        var properties = cluster.Properties ??= new OpenShiftClusterProperties();
        var stored = current?.Properties;

        var clusterProfile = properties.ClusterProfile ??= new ClusterProfile();
        var console = properties.ConsoleProfile ??= new ConsoleProfile();
        var servicePrincipal = properties.ServicePrincipalProfile ??= new ServicePrincipalProfile();
        var apiserver = properties.ApiserverProfile ??= new ApiserverProfile();
        if (!isCreate)
        {
            properties.ProvisioningState ??= stored?.ProvisioningState;
            console.Url ??= stored?.ConsoleProfile?.Url;
            apiserver.Url ??= stored?.ApiserverProfile?.Url;
            apiserver.Ip ??= stored?.ApiserverProfile?.Ip;
            clusterProfile.Domain ??= stored?.ClusterProfile?.Domain;
            clusterProfile.Version ??= stored?.ClusterProfile?.Version;
            clusterProfile.ResourceGroupId ??= stored?.ClusterProfile?.ResourceGroupId;
            servicePrincipal.ClientId ??= stored?.ServicePrincipalProfile?.ClientId;
        }

        var network = properties.NetworkProfile ??= new NetworkProfile();
        network.PodCidr ??= isCreate ? ClusterDefaults.PodCidr : stored?.NetworkProfile?.PodCidr;
        network.ServiceCidr ??= isCreate ? ClusterDefaults.ServiceCidr : stored?.NetworkProfile?.ServiceCidr;

        var master = properties.MasterProfile ??= new MasterProfile();
        master.VmSize ??= isCreate ? ClusterDefaults.MasterVmSize : stored?.MasterProfile?.VmSize;
        master.SubnetId ??= stored?.MasterProfile?.SubnetId;

        apiserver.Visibility ??= isCreate ? ClusterDefaults.Visibility : stored?.ApiserverProfile?.Visibility;

        var storedWorkers = stored?.WorkerProfiles ?? [];
        properties.WorkerProfiles ??= isCreate
            ? [new WorkerProfile { Name = ClusterDefaults.WorkerProfileName }]
            : [.. storedWorkers.Select(w => new WorkerProfile { Name = w.Name })];
        foreach (var worker in properties.WorkerProfiles)
        {
            if (worker is null)
            {
                continue;
            }

            // A profile the stored cluster does not have is refused on update; defaulting it like a
            // new one lets validation say so rather than stumble on its missing fields.
            var storedWorker = storedWorkers.FirstOrDefault(w => string.Equals(w.Name, worker.Name, StringComparison.OrdinalIgnoreCase));
            worker.VmSize ??= storedWorker is null ? ClusterDefaults.WorkerVmSize : storedWorker.VmSize;
            worker.DiskSizeGB ??= storedWorker is null ? ClusterDefaults.WorkerDiskSizeGB : storedWorker.DiskSizeGB;
            worker.SubnetId ??= storedWorker?.SubnetId;
            worker.Count ??= ClusterDefaults.WorkerCount;
        }

        var storedIngresses = stored?.IngressProfiles ?? [];
        properties.IngressProfiles ??= isCreate
            ? [new IngressProfile { Name = ClusterDefaults.IngressProfileName }]
            : [.. storedIngresses.Select(i => new IngressProfile { Name = i.Name })];
        foreach (var ingress in properties.IngressProfiles)
        {
            if (ingress is null)
            {
                continue;
            }

            var storedIngress = storedIngresses.FirstOrDefault(i => string.Equals(i.Name, ingress.Name, StringComparison.OrdinalIgnoreCase));
            ingress.Visibility ??= storedIngress is null ? ClusterDefaults.Visibility : storedIngress.Visibility;
            ingress.Ip ??= storedIngress?.Ip;
        }
    }
}
