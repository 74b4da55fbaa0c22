namespace Rp.Api.V20191231Preview;

/// <summary>
/// What a body omits: on create, the server defaults; on update, the stored value of what cannot
/// change (so a PUT need not repeat it) and the default of what can (a PUT replaces).
/// </summary>
internal static class OpenShiftClusterDefaults
{
    public static void Apply(OpenShiftCluster cluster, OpenShiftCluster? current)
    {
        var isCreate = current is null;
        var properties = cluster.Properties ??= new OpenShiftClusterProperties();
        var stored = current?.Properties;

        if (!isCreate)
        {
            properties.ProvisioningState ??= stored?.ProvisioningState;
            properties.FailedProvisioningState ??= stored?.FailedProvisioningState;
            properties.ApiserverUrl ??= stored?.ApiserverUrl;
            properties.ConsoleUrl ??= stored?.ConsoleUrl;
        }

        var network = properties.NetworkProfile ??= new NetworkProfile();
        network.VnetCidr ??= isCreate ? ClusterDefaults.VnetCidr : stored?.NetworkProfile?.VnetCidr;
        network.PodCidr ??= isCreate ? ClusterDefaults.PodCidr : stored?.NetworkProfile?.PodCidr;
        network.ServiceCidr ??= isCreate ? ClusterDefaults.ServiceCidr : stored?.NetworkProfile?.ServiceCidr;

        var master = properties.MasterProfile ??= new MasterProfile();
        master.VmSize ??= isCreate ? ClusterDefaults.MasterVmSize : stored?.MasterProfile?.VmSize;

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
            worker.Count ??= ClusterDefaults.WorkerCount;
        }
    }
}
