using Rp.Api.Validation;

namespace Rp.Api.V20191231Preview;

/// <summary>
/// The rules a 2019-12-31-preview body must keep, checked after defaults. The pull secret is the
/// base64 encoding of the registry credentials text (what this version has always taken).
/// </summary>
internal static class OpenShiftClusterStaticValidator
{
    private const string Properties = "properties";
    private const string NetworkProfile = $"{Properties}.networkProfile";
    private const string WorkerProfiles = $"{Properties}.workerProfiles";

    public static void Validate(OpenShiftCluster cluster, OpenShiftCluster? current, Api.OpenShiftCluster target)
    {
        ResourceRules.Validate(cluster, current, target);

        var isCreate = current is null;
        var properties = cluster.Properties!;
        var stored = current?.Properties;

        ChangeRules.ReadOnly(properties.ProvisioningState, stored?.ProvisioningState, isCreate, $"{Properties}.provisioningState");
        ChangeRules.ReadOnly(properties.FailedProvisioningState, stored?.FailedProvisioningState, isCreate, $"{Properties}.failedProvisioningState");
        ChangeRules.ReadOnly(properties.ApiserverUrl, stored?.ApiserverUrl, isCreate, $"{Properties}.apiserverURL");
        ChangeRules.ReadOnly(properties.ConsoleUrl, stored?.ConsoleUrl, isCreate, $"{Properties}.consoleURL");

        if (properties.PullSecret is null)
        {
            if (isCreate)
            {
                throw ValidationErrors.Required($"{Properties}.pullSecret");
            }
        }
        else if (PullSecrets.DecodeBase64(properties.PullSecret) is null)
        {
            throw ValidationErrors.Invalid($"{Properties}.pullSecret", "The provided pull secret is invalid: it must be the base64 encoding of non-empty UTF-8 text.");
        }

        var network = properties.NetworkProfile!;
        var vnet = CidrRules.Validate(network.VnetCidr, $"{NetworkProfile}.vnetCidr", CidrRules.VnetPrefix);
        var pod = CidrRules.Validate(network.PodCidr, $"{NetworkProfile}.podCidr", CidrRules.PodPrefix);
        var service = CidrRules.Validate(network.ServiceCidr, $"{NetworkProfile}.serviceCidr", CidrRules.ServicePrefix);
        CidrRules.Disjoint((vnet, $"{NetworkProfile}.vnetCidr"), (pod, $"{NetworkProfile}.podCidr"), (service, $"{NetworkProfile}.serviceCidr"));

        VmSizes.ValidateMaster(properties.MasterProfile!.VmSize, $"{Properties}.masterProfile.vmSize");

        ProfileRules.ValidateList(properties.WorkerProfiles, w => w.Name, isCreate, WorkerProfiles);
        var workers = properties.WorkerProfiles!;
        for (var i = 0; i < workers.Count; i++)
        {
            VmSizes.ValidateWorker(workers[i].VmSize, $"{WorkerProfiles}[{i}].vmSize");
            ProfileRules.ValidateDiskSize(workers[i].DiskSizeGB, $"{WorkerProfiles}[{i}].diskSizeGB");
            ProfileRules.ValidateWorkerCount(workers[i].Count, $"{WorkerProfiles}[{i}].count");
        }

        CidrRules.RoomForNodes(pod, ProfileRules.MasterCount + workers.Sum(w => (long)w.Count!.Value), WorkerProfiles);

        if (stored is not null)
        {
            ValidateUnchanged(properties, stored);
        }
    }

    private static void ValidateUnchanged(OpenShiftClusterProperties properties, OpenShiftClusterProperties stored)
    {
        ChangeRules.Immutable(properties.NetworkProfile!.VnetCidr, stored.NetworkProfile?.VnetCidr, $"{NetworkProfile}.vnetCidr");
        ChangeRules.Immutable(properties.NetworkProfile.PodCidr, stored.NetworkProfile?.PodCidr, $"{NetworkProfile}.podCidr");
        ChangeRules.Immutable(properties.NetworkProfile.ServiceCidr, stored.NetworkProfile?.ServiceCidr, $"{NetworkProfile}.serviceCidr");
        ChangeRules.Immutable(properties.MasterProfile!.VmSize, stored.MasterProfile?.VmSize, $"{Properties}.masterProfile.vmSize");

        var workers = properties.WorkerProfiles!;
        var storedWorkers = stored.WorkerProfiles ?? [];
        ProfileRules.SameNames(workers.Select(w => w.Name), storedWorkers.Select(w => w.Name), WorkerProfiles);
        for (var i = 0; i < workers.Count; i++)
        {
            var storedWorker = storedWorkers.First(w => string.Equals(w.Name, workers[i].Name, StringComparison.OrdinalIgnoreCase));
            ChangeRules.Immutable(workers[i].VmSize, storedWorker.VmSize, $"{WorkerProfiles}[{i}].vmSize");
            ChangeRules.Immutable(workers[i].DiskSizeGB, storedWorker.DiskSizeGB, $"{WorkerProfiles}[{i}].diskSizeGB");
        }
    }
}
