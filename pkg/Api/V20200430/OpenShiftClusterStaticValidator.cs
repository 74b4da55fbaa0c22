using System.Text.RegularExpressions;
using Rp.Api.Validation;

namespace Rp.Api.V20200430;

/// <summary>
/// The rules a 2020-04-30 body must keep, checked after defaults. The pull secret is the registry
/// credentials JSON itself (<c>{"auths":{...}}</c>), as it is downloaded, not base64.
/// </summary>
internal static partial class OpenShiftClusterStaticValidator
{
    private const string Properties = "properties";
    private const string ClusterProfile = $"{Properties}.clusterProfile";
    private const string ServicePrincipalProfile = $"{Properties}.servicePrincipalProfile";
    private const string NetworkProfile = $"{Properties}.networkProfile";
    private const string MasterProfile = $"{Properties}.masterProfile";
    private const string WorkerProfiles = $"{Properties}.workerProfiles";
    private const string ApiserverProfile = $"{Properties}.apiserverProfile";
    private const string IngressProfiles = $"{Properties}.ingressProfiles";
    private const int MaxDomainLength = 253;

    public static void Validate(OpenShiftCluster cluster, OpenShiftCluster? current, Api.OpenShiftCluster target)
    {
        ResourceRules.Validate(cluster, current, target);

        var isCreate = current is null;
        var properties = cluster.Properties!;
        var stored = current?.Properties;

        ValidateReadOnly(properties, stored, isCreate);
        ValidateClusterProfile(properties.ClusterProfile!, isCreate, target);
        ValidateServicePrincipal(properties.ServicePrincipalProfile!, isCreate);

        var network = properties.NetworkProfile!;
        var pod = CidrRules.Validate(network.PodCidr, $"{NetworkProfile}.podCidr", CidrRules.PodPrefix);
        var service = CidrRules.Validate(network.ServiceCidr, $"{NetworkProfile}.serviceCidr", CidrRules.ServicePrefix);
        CidrRules.Disjoint((pod, $"{NetworkProfile}.podCidr"), (service, $"{NetworkProfile}.serviceCidr"));

        VmSizes.ValidateMaster(properties.MasterProfile!.VmSize, $"{MasterProfile}.vmSize");

        ProfileRules.ValidateList(properties.WorkerProfiles, w => w.Name, isCreate, WorkerProfiles);
        var workers = properties.WorkerProfiles!;
        for (var i = 0; i < workers.Count; i++)
        {
            VmSizes.ValidateWorker(workers[i].VmSize, $"{WorkerProfiles}[{i}].vmSize");
            ProfileRules.ValidateDiskSize(workers[i].DiskSizeGB, $"{WorkerProfiles}[{i}].diskSizeGB");
            ProfileRules.ValidateWorkerCount(workers[i].Count, $"{WorkerProfiles}[{i}].count");
        }

        CidrRules.RoomForNodes(pod, ProfileRules.MasterCount + workers.Sum(w => (long)w.Count!.Value), WorkerProfiles);
        ValidateSubnets(properties.MasterProfile, workers);

        ValidateVisibility(properties.ApiserverProfile!.Visibility, $"{ApiserverProfile}.visibility");
        ProfileRules.ValidateList(properties.IngressProfiles, i => i.Name, isCreate, IngressProfiles);
        var ingresses = properties.IngressProfiles!;
        for (var i = 0; i < ingresses.Count; i++)
        {
            ValidateVisibility(ingresses[i].Visibility, $"{IngressProfiles}[{i}].visibility");
            if (isCreate)
            {
                ChangeRules.ReadOnly(ingresses[i].Ip, null, isCreate, $"{IngressProfiles}[{i}].ip");
            }
        }

        if (stored is not null)
        {
            ValidateUnchanged(properties, stored);
        }
    }

    private static void ValidateReadOnly(OpenShiftClusterProperties properties, OpenShiftClusterProperties? stored, bool isCreate)
    {
        ChangeRules.ReadOnly(properties.ProvisioningState, stored?.ProvisioningState, isCreate, $"{Properties}.provisioningState");
        ChangeRules.ReadOnly(properties.ConsoleProfile!.Url, stored?.ConsoleProfile?.Url, isCreate, $"{Properties}.consoleProfile.url");
        ChangeRules.ReadOnly(properties.ApiserverProfile!.Url, stored?.ApiserverProfile?.Url, isCreate, $"{ApiserverProfile}.url");
        ChangeRules.ReadOnly(properties.ApiserverProfile.Ip, stored?.ApiserverProfile?.Ip, isCreate, $"{ApiserverProfile}.ip");
    }

    private static void ValidateClusterProfile(ClusterProfile profile, bool isCreate, Api.OpenShiftCluster target)
    {
        if (profile.PullSecret is null)
        {
            if (isCreate)
            {
                throw ValidationErrors.Required($"{ClusterProfile}.pullSecret");
            }
        }
        else if (!PullSecrets.IsRegistryCredentialsJson(profile.PullSecret))
        {
            throw ValidationErrors.Invalid($"{ClusterProfile}.pullSecret", "The provided pull secret is invalid: it must be the registry credentials JSON, an object with an 'auths' object.");
        }

        if (profile.Domain is { } domain && (domain.Length > MaxDomainLength || !DomainName().IsMatch(domain)))
        {
            throw ValidationErrors.Invalid($"{ClusterProfile}.domain", $"The provided domain '{domain}' is invalid: expected lowercase DNS labels separated by dots.");
        }

        if (profile.Version is { } version && !OpenShiftVersion().IsMatch(version))
        {
            throw ValidationErrors.Invalid($"{ClusterProfile}.version", $"The provided version '{version}' is invalid: expected major.minor.patch, such as 4.3.0.");
        }

        if (profile.ResourceGroupId is { } resourceGroupId)
        {
            var path = $"{ClusterProfile}.resourceGroupId";
            var (subscriptionId, resourceGroup) = AzureResourceIds.ValidateResourceGroupId(resourceGroupId, path);
            if (ResourceId.TryParse(target.Id, out var clusterId))
            {
                if (!string.Equals(subscriptionId, clusterId!.SubscriptionId, StringComparison.OrdinalIgnoreCase))
                {
                    throw ValidationErrors.Invalid(path, $"The provided resource group '{resourceGroupId}' must be in the cluster's subscription.");
                }

                if (string.Equals(resourceGroup, clusterId.ResourceGroup, StringComparison.OrdinalIgnoreCase))
                {
                    throw ValidationErrors.Invalid(path, $"The provided resource group '{resourceGroupId}' must not be the cluster's own resource group.");
                }
            }
        }
    }

    private static void ValidateServicePrincipal(ServicePrincipalProfile profile, bool isCreate)
    {
        if (profile.ClientId is null)
        {
            if (profile.ClientSecret is not null)
            {
                throw ValidationErrors.Required($"{ServicePrincipalProfile}.clientId");
            }

            return;
        }

        if (!DashedGuid.IsValid(profile.ClientId))
        {
            throw ValidationErrors.Invalid($"{ServicePrincipalProfile}.clientId", $"The provided client id '{profile.ClientId}' is invalid: expected a GUID.");
        }

        if (profile.ClientSecret is null && isCreate)
        {
            throw ValidationErrors.Required($"{ServicePrincipalProfile}.clientSecret");
        }

        if (profile.ClientSecret is { Length: 0 })
        {
            throw ValidationErrors.Invalid($"{ServicePrincipalProfile}.clientSecret", "The provided client secret must not be empty.");
        }
    }

    /// <summary>Subnets are given for every profile or for none; all in one virtual network, the workers' apart from the masters'.</summary>
    private static void ValidateSubnets(MasterProfile master, List<WorkerProfile> workers)
    {
        if (master.SubnetId is null && workers.All(w => w.SubnetId is null))
        {
            return;
        }

        var masterVnet = AzureResourceIds.ValidateSubnetId(master.SubnetId ?? throw ValidationErrors.Required($"{MasterProfile}.subnetId"), $"{MasterProfile}.subnetId");
        for (var i = 0; i < workers.Count; i++)
        {
            var path = $"{WorkerProfiles}[{i}].subnetId";
            var subnetId = workers[i].SubnetId ?? throw ValidationErrors.Required(path);
            var vnet = AzureResourceIds.ValidateSubnetId(subnetId, path);
            if (!string.Equals(vnet, masterVnet, StringComparison.OrdinalIgnoreCase))
            {
                throw ValidationErrors.Invalid(path, $"The provided subnet '{subnetId}' must be in the masters' virtual network '{masterVnet}'.");
            }

            if (string.Equals(subnetId, master.SubnetId, StringComparison.OrdinalIgnoreCase))
            {
                throw ValidationErrors.Invalid(path, $"The provided subnet '{subnetId}' must not be the masters' subnet.");
            }
        }
    }

    private static void ValidateVisibility(string? visibility, string path)
    {
        if (visibility is not null && Visibility.Canonical(visibility) is null)
        {
            throw ValidationErrors.Invalid(path, $"The provided visibility '{visibility}' is invalid: expected {Visibility.Public} or {Visibility.Private}.");
        }
    }

    private static void ValidateUnchanged(OpenShiftClusterProperties properties, OpenShiftClusterProperties stored)
    {
        ChangeRules.Immutable(properties.ClusterProfile!.Domain, stored.ClusterProfile?.Domain, $"{ClusterProfile}.domain");
        ChangeRules.Immutable(properties.ClusterProfile.ResourceGroupId, stored.ClusterProfile?.ResourceGroupId, $"{ClusterProfile}.resourceGroupId");
        ChangeRules.Immutable(properties.ServicePrincipalProfile!.ClientId, stored.ServicePrincipalProfile?.ClientId, $"{ServicePrincipalProfile}.clientId");
        ChangeRules.Immutable(properties.NetworkProfile!.PodCidr, stored.NetworkProfile?.PodCidr, $"{NetworkProfile}.podCidr");
        ChangeRules.Immutable(properties.NetworkProfile.ServiceCidr, stored.NetworkProfile?.ServiceCidr, $"{NetworkProfile}.serviceCidr");
        ChangeRules.Immutable(properties.MasterProfile!.VmSize, stored.MasterProfile?.VmSize, $"{MasterProfile}.vmSize");
        ChangeRules.Immutable(properties.MasterProfile.SubnetId, stored.MasterProfile?.SubnetId, $"{MasterProfile}.subnetId");
        ChangeRules.Immutable(properties.ApiserverProfile!.Visibility, stored.ApiserverProfile?.Visibility, $"{ApiserverProfile}.visibility");

        var workers = properties.WorkerProfiles!;
        var storedWorkers = stored.WorkerProfiles ?? [];
        ProfileRules.SameNames(workers.Select(w => w.Name), storedWorkers.Select(w => w.Name), WorkerProfiles);
        for (var i = 0; i < workers.Count; i++)
        {
            var storedWorker = storedWorkers.First(w => string.Equals(w.Name, workers[i].Name, StringComparison.OrdinalIgnoreCase));
            ChangeRules.Immutable(workers[i].VmSize, storedWorker.VmSize, $"{WorkerProfiles}[{i}].vmSize");
            ChangeRules.Immutable(workers[i].DiskSizeGB, storedWorker.DiskSizeGB, $"{WorkerProfiles}[{i}].diskSizeGB");
            ChangeRules.Immutable(workers[i].SubnetId, storedWorker.SubnetId, $"{WorkerProfiles}[{i}].subnetId");
        }

        var ingresses = properties.IngressProfiles!;
        var storedIngresses = stored.IngressProfiles ?? [];
        ProfileRules.SameNames(ingresses.Select(i => i.Name), storedIngresses.Select(i => i.Name), IngressProfiles);
        for (var i = 0; i < ingresses.Count; i++)
        {
            var storedIngress = storedIngresses.First(s => string.Equals(s.Name, ingresses[i].Name, StringComparison.OrdinalIgnoreCase));
            ChangeRules.Immutable(ingresses[i].Visibility, storedIngress.Visibility, $"{IngressProfiles}[{i}].visibility");
            ChangeRules.Immutable(ingresses[i].Ip, storedIngress.Ip, $"{IngressProfiles}[{i}].ip");
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\z")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}\z")]
    private static partial Regex OpenShiftVersion();
}
