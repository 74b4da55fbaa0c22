using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rp.Api;

namespace Rp.Backend.Installer;

/// <summary>
/// The ARM deployment template the cluster's infrastructure is deployed from: the vnet and its
/// master and worker subnets, the three master VMs, a worker scale set per worker profile, the
/// apiserver and ingress load balancers and the cluster's storage account. Secrets (the ignition
/// configs) are <c>securestring</c> parameters supplied at deployment time, never template text.
/// </summary>
internal static class InfrastructureTemplate
{
    /// <summary>The key, in <see cref="InstallState.ExtensionData"/>, of the SHA-256 of the last template rendered for the cluster.</summary>
    public const string Sha256Key = "infrastructureTemplateSha256";

    public const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    public const int MasterCount = 3;
    public const string DefaultMasterVmSize = "Standard_D8s_v3";
    public const string DefaultWorkerVmSize = "Standard_D4s_v3";
    public const int DefaultWorkerDiskSizeGB = 128;

    private const string NetworkApiVersion = "2023-09-01";
    private const string ComputeApiVersion = "2023-09-01";
    private const string StorageApiVersion = "2023-01-01";
    private const int MasterDiskSizeGB = 1024;
    private const int MaxScaleSetNameLength = 40;
    private const string AdminUsername = "core";

    private const string VirtualNetworks = "Microsoft.Network/virtualNetworks";
    private const string Subnets = "Microsoft.Network/virtualNetworks/subnets";
    private const string NetworkSecurityGroups = "Microsoft.Network/networkSecurityGroups";
    private const string PublicIpAddresses = "Microsoft.Network/publicIPAddresses";
    private const string LoadBalancers = "Microsoft.Network/loadBalancers";
    private const string NetworkInterfaces = "Microsoft.Network/networkInterfaces";
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";
    private const string VirtualMachines = "Microsoft.Compute/virtualMachines";
    private const string VirtualMachineScaleSets = "Microsoft.Compute/virtualMachineScaleSets";

    public static string Render(OpenShiftCluster cluster, ClusterLayout layout)
    {
        var properties = cluster.Properties;
        var names = new Names(layout.InfraId);
        var imageReference = ImageReference(properties.ClusterProfile.Version ?? LocalClusterInstaller.DefaultVersion);
        var location = cluster.Location;

        var resources = new JArray
        {
            SecurityGroup(names.MasterSecurityGroup, location, SecurityRule("apiserver-in", 101, 6443)),
            SecurityGroup(names.WorkerSecurityGroup, location, SecurityRule("http-in", 500, 80), SecurityRule("https-in", 501, 443)),
            VirtualNetwork(names, layout, location),
            StorageAccount(layout.StorageAccountName, location),
        };

        var apiserverVisibility = properties.ApiserverProfile.Visibility ?? ClusterLayout.Public;
        var apiserverAddress = layout.ApiserverAddress(apiserverVisibility, properties.ApiserverProfile.Ip);
        AddLoadBalancer(
            resources,
            location,
            names.ApiLoadBalancer,
            $"{layout.InfraId}-api-pip",
            apiserverVisibility,
            apiserverAddress,
            Id(Subnets, names.Vnet, names.MasterSubnet),
            pool: "masters",
            Probe("apiserver", "Https", 6443, "/readyz"),
            ports: [6443],
            dependsOn: Id(VirtualNetworks, names.Vnet));

        var ingressPools = new JArray();
        var ingressLoadBalancers = new List<string>();
        foreach (var ingress in properties.IngressProfiles)
        {
            var name = ClusterLayout.DnsName(ingress.Name, MaxScaleSetNameLength, ClusterLayout.DefaultIngressName);
            var visibility = ingress.Visibility ?? ClusterLayout.Public;
            var loadBalancer = $"{layout.InfraId}-ingress-{name}-lb";
            AddLoadBalancer(
                resources,
                location,
                loadBalancer,
                $"{layout.InfraId}-ingress-{name}-pip",
                visibility,
                layout.IngressAddress(ingress.Name, visibility, ingress.Ip),
                Id(Subnets, names.Vnet, names.WorkerSubnet),
                pool: "workers",
                Probe("router", "Http", 1936, "/healthz/ready"),
                ports: [80, 443],
                dependsOn: Id(VirtualNetworks, names.Vnet));
            ingressPools.Add(new JObject { ["id"] = Id("Microsoft.Network/loadBalancers/backendAddressPools", loadBalancer, "workers") });
            ingressLoadBalancers.Add(Id(LoadBalancers, loadBalancer));
        }

        for (var i = 0; i < MasterCount; i++)
        {
            resources.Add(MasterInterface(names, i, location));
            resources.Add(MasterMachine(names, layout, i, location, properties.MasterProfile.VmSize ?? DefaultMasterVmSize, imageReference));
        }

        foreach (var worker in properties.WorkerProfiles)
        {
            resources.Add(WorkerScaleSet(names, location, worker, imageReference, ingressPools, ingressLoadBalancers));
        }

        var template = new JObject
        {
            ["$schema"] = Schema,
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = new JObject
            {
                ["sshPublicKey"] = Parameter("string", "The OpenSSH public key authorised for the core user on every node."),
                ["masterIgnition"] = Parameter("securestring", "The base64 ignition config the master nodes boot from."),
                ["workerIgnition"] = Parameter("securestring", "The base64 ignition config the worker nodes boot from."),
            },
            ["resources"] = resources,
        };

        return template.ToString(Formatting.Indented);
    }

    public static string Sha256(string template) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template)));

    private static JObject Parameter(string type, string description) => new()
    {
        ["type"] = type,
        ["metadata"] = new JObject { ["description"] = description },
    };

    private static JObject ImageReference(string version)
    {
        if (!Version.TryParse(version, out var parsed))
        {
            throw new InstallerException(CloudErrorCodes.InvalidParameter, $"The cluster version '{version}' is not a version number.");
        }

        return new JObject
        {
            ["publisher"] = "azureopenshift",
            ["offer"] = "aro4",
            ["sku"] = string.Create(CultureInfo.InvariantCulture, $"aro_{parsed.Major}{parsed.Minor}"),
            ["version"] = "latest",
        };
    }

    private static JObject Resource(string type, string apiVersion, string name, string location, JObject properties, params string[] dependsOn)
    {
        var resource = new JObject
        {
            ["type"] = type,
            ["apiVersion"] = apiVersion,
            ["name"] = name,
            ["location"] = location,
        };
        if (dependsOn.Length > 0)
        {
            resource["dependsOn"] = new JArray(dependsOn);
        }

        resource["properties"] = properties;
        return resource;
    }

    private static string Id(string type, params string[] names) => $"[{IdExpression(type, names)}]";

    private static string IdExpression(string type, params string[] names) =>
        $"resourceId('{type}', {string.Join(", ", names.Select(name => $"'{name}'"))})";

    private static JObject SecurityRule(string name, int priority, int port) => new()
    {
        ["name"] = name,
        ["properties"] = new JObject
        {
            ["protocol"] = "Tcp",
            ["sourcePortRange"] = "*",
            ["destinationPortRange"] = port.ToString(CultureInfo.InvariantCulture),
            ["sourceAddressPrefix"] = "*",
            ["destinationAddressPrefix"] = "*",
            ["access"] = "Allow",
            ["priority"] = priority,
            ["direction"] = "Inbound",
        },
    };

    private static JObject SecurityGroup(string name, string location, params JObject[] rules) =>
        Resource(NetworkSecurityGroups, NetworkApiVersion, name, location, new JObject { ["securityRules"] = new JArray(rules) });

    private static JObject VirtualNetwork(Names names, ClusterLayout layout, string location) =>
        Resource(
            VirtualNetworks,
            NetworkApiVersion,
            names.Vnet,
            location,
            new JObject
            {
                ["addressSpace"] = new JObject { ["addressPrefixes"] = new JArray(layout.Vnet.ToString()) },
                ["subnets"] = new JArray
                {
                    Subnet(names.MasterSubnet, layout.MasterSubnet, names.MasterSecurityGroup),
                    Subnet(names.WorkerSubnet, layout.WorkerSubnet, names.WorkerSecurityGroup),
                },
            },
            Id(NetworkSecurityGroups, names.MasterSecurityGroup),
            Id(NetworkSecurityGroups, names.WorkerSecurityGroup));

    private static JObject Subnet(string name, Ipv4Cidr prefix, string securityGroup) => new()
    {
        ["name"] = name,
        ["properties"] = new JObject
        {
            ["addressPrefix"] = prefix.ToString(),
            ["networkSecurityGroup"] = new JObject { ["id"] = Id(NetworkSecurityGroups, securityGroup) },
        },
    };

    private static JObject StorageAccount(string name, string location)
    {
        var account = Resource(
            StorageAccounts,
            StorageApiVersion,
            name,
            location,
            new JObject
            {
                ["supportsHttpsTrafficOnly"] = true,
                ["minimumTlsVersion"] = "TLS1_2",
                ["allowBlobPublicAccess"] = false,
            });
        account["sku"] = new JObject { ["name"] = "Standard_LRS" };
        account["kind"] = "StorageV2";
        return account;
    }

    private static JObject Probe(string name, string protocol, int port, string path) => new()
    {
        ["name"] = name,
        ["properties"] = new JObject
        {
            ["protocol"] = protocol,
            ["port"] = port,
            ["requestPath"] = path,
            ["intervalInSeconds"] = 5,
            ["numberOfProbes"] = 2,
        },
    };

    /// <summary>
    /// A standard load balancer with one frontend: a new public address for a public endpoint, or
    /// <paramref name="privateAddress"/> in <paramref name="subnetId"/> for a private one.
    /// </summary>
    private static void AddLoadBalancer(
        JArray resources,
        string location,
        string name,
        string publicAddressName,
        string visibility,
        string privateAddress,
        string subnetId,
        string pool,
        JObject probe,
        int[] ports,
        string dependsOn)
    {
        JObject frontend;
        string[] dependencies;
        if (ClusterLayout.IsPrivate(visibility))
        {
            frontend = new JObject
            {
                ["privateIPAddress"] = privateAddress,
                ["privateIPAllocationMethod"] = "Static",
                ["subnet"] = new JObject { ["id"] = subnetId },
            };
            dependencies = [dependsOn];
        }
        else
        {
            var address = Resource(
                PublicIpAddresses,
                NetworkApiVersion,
                publicAddressName,
                location,
                new JObject { ["publicIPAllocationMethod"] = "Static", ["publicIPAddressVersion"] = "IPv4" });
            address["sku"] = new JObject { ["name"] = "Standard" };
            resources.Add(address);
            frontend = new JObject { ["publicIPAddress"] = new JObject { ["id"] = Id(PublicIpAddresses, publicAddressName) } };
            dependencies = [dependsOn, Id(PublicIpAddresses, publicAddressName)];
        }

        var probeName = (string)probe["name"]!;
        var rules = new JArray(ports.Select(port => new JObject
        {
            ["name"] = string.Create(CultureInfo.InvariantCulture, $"{pool}-{port}"),
            ["properties"] = new JObject
            {
                ["frontendIPConfiguration"] = new JObject { ["id"] = Id("Microsoft.Network/loadBalancers/frontendIPConfigurations", name, "frontend") },
                ["backendAddressPool"] = new JObject { ["id"] = Id("Microsoft.Network/loadBalancers/backendAddressPools", name, pool) },
                ["probe"] = new JObject { ["id"] = Id("Microsoft.Network/loadBalancers/probes", name, probeName) },
                ["protocol"] = "Tcp",
                ["frontendPort"] = port,
                ["backendPort"] = port,
                ["idleTimeoutInMinutes"] = 30,
                ["loadDistribution"] = "Default",
            },
        }));

        var loadBalancer = Resource(
            LoadBalancers,
            NetworkApiVersion,
            name,
            location,
            new JObject
            {
                ["frontendIPConfigurations"] = new JArray(new JObject { ["name"] = "frontend", ["properties"] = frontend }),
                ["backendAddressPools"] = new JArray(new JObject { ["name"] = pool }),
                ["probes"] = new JArray(probe),
                ["loadBalancingRules"] = rules,
            },
            dependencies);
        loadBalancer["sku"] = new JObject { ["name"] = "Standard" };
        resources.Add(loadBalancer);
    }

    private static JObject MasterInterface(Names names, int index, string location) =>
        Resource(
            NetworkInterfaces,
            NetworkApiVersion,
            names.MasterInterface(index),
            location,
            new JObject
            {
                ["ipConfigurations"] = new JArray(new JObject
                {
                    ["name"] = "ipconfig",
                    ["properties"] = new JObject
                    {
                        ["privateIPAllocationMethod"] = "Dynamic",
                        ["subnet"] = new JObject { ["id"] = Id(Subnets, names.Vnet, names.MasterSubnet) },
                        ["loadBalancerBackendAddressPools"] = new JArray(new JObject
                        {
                            ["id"] = Id("Microsoft.Network/loadBalancers/backendAddressPools", names.ApiLoadBalancer, "masters"),
                        }),
                    },
                }),
            },
            Id(VirtualNetworks, names.Vnet),
            Id(LoadBalancers, names.ApiLoadBalancer));

    private static JObject MasterMachine(Names names, ClusterLayout layout, int index, string location, string vmSize, JObject imageReference)
    {
        var name = names.Master(index);
        return Resource(
            VirtualMachines,
            ComputeApiVersion,
            name,
            location,
            new JObject
            {
                ["hardwareProfile"] = new JObject { ["vmSize"] = vmSize },
                ["storageProfile"] = StorageProfile(imageReference, MasterDiskSizeGB, "ReadOnly", $"{name}_OSDisk"),
                ["osProfile"] = OsProfile("computerName", name, "masterIgnition"),
                ["networkProfile"] = new JObject
                {
                    ["networkInterfaces"] = new JArray(new JObject { ["id"] = Id(NetworkInterfaces, names.MasterInterface(index)) }),
                },
                ["diagnosticsProfile"] = new JObject
                {
                    ["bootDiagnostics"] = new JObject
                    {
                        ["enabled"] = true,
                        ["storageUri"] = $"[reference({IdExpression(StorageAccounts, layout.StorageAccountName)}, '{StorageApiVersion}').primaryEndpoints.blob]",
                    },
                },
            },
            Id(NetworkInterfaces, names.MasterInterface(index)),
            Id(StorageAccounts, layout.StorageAccountName));
    }

    private static JObject WorkerScaleSet(Names names, string location, WorkerProfile worker, JObject imageReference, JArray ingressPools, List<string> ingressLoadBalancers)
    {
        var profileName = ClusterLayout.DnsName(worker.Name, MaxScaleSetNameLength, "worker");
        var scaleSet = Resource(
            VirtualMachineScaleSets,
            ComputeApiVersion,
            $"{names.InfraId}-{profileName}",
            location,
            new JObject
            {
                ["orchestrationMode"] = "Uniform",
                ["overprovision"] = false,
                ["upgradePolicy"] = new JObject { ["mode"] = "Manual" },
                ["virtualMachineProfile"] = new JObject
                {
                    ["storageProfile"] = StorageProfile(imageReference, worker.DiskSizeGB > 0 ? worker.DiskSizeGB : DefaultWorkerDiskSizeGB, "ReadWrite", name: null),
                    ["osProfile"] = OsProfile("computerNamePrefix", profileName, "workerIgnition"),
                    ["networkProfile"] = new JObject
                    {
                        ["networkInterfaceConfigurations"] = new JArray(new JObject
                        {
                            ["name"] = "nic",
                            ["properties"] = new JObject
                            {
                                ["primary"] = true,
                                ["ipConfigurations"] = new JArray(new JObject
                                {
                                    ["name"] = "ipconfig",
                                    ["properties"] = new JObject
                                    {
                                        ["subnet"] = new JObject { ["id"] = Id(Subnets, names.Vnet, names.WorkerSubnet) },
                                        ["loadBalancerBackendAddressPools"] = ingressPools.DeepClone(),
                                    },
                                }),
                            },
                        }),
                    },
                },
            },
            [Id(VirtualNetworks, names.Vnet), .. ingressLoadBalancers]);
        scaleSet["sku"] = new JObject
        {
            ["name"] = worker.VmSize ?? DefaultWorkerVmSize,
            ["tier"] = "Standard",
            ["capacity"] = worker.Count,
        };
        return scaleSet;
    }

    private static JObject StorageProfile(JObject imageReference, int diskSizeGB, string caching, string? name)
    {
        var osDisk = new JObject
        {
            ["createOption"] = "FromImage",
            ["caching"] = caching,
            ["diskSizeGB"] = diskSizeGB,
            ["managedDisk"] = new JObject { ["storageAccountType"] = "Premium_LRS" },
        };
        if (name is not null)
        {
            osDisk["name"] = name;
        }

        return new JObject
        {
            ["imageReference"] = imageReference.DeepClone(),
            ["osDisk"] = osDisk,
        };
    }

    private static JObject OsProfile(string nameProperty, string name, string ignitionParameter) => new()
    {
        [nameProperty] = name,
        ["adminUsername"] = AdminUsername,
        ["customData"] = $"[parameters('{ignitionParameter}')]",
        ["linuxConfiguration"] = new JObject
        {
            ["disablePasswordAuthentication"] = true,
            ["ssh"] = new JObject
            {
                ["publicKeys"] = new JArray(new JObject
                {
                    ["path"] = $"/home/{AdminUsername}/.ssh/authorized_keys",
                    ["keyData"] = "[parameters('sshPublicKey')]",
                }),
            },
        },
    };

    private sealed record Names(string InfraId)
    {
        public string Vnet => $"{InfraId}-vnet";

        public string MasterSubnet => $"{InfraId}-master-subnet";

        public string WorkerSubnet => $"{InfraId}-worker-subnet";

        public string MasterSecurityGroup => $"{InfraId}-controlplane-nsg";

        public string WorkerSecurityGroup => $"{InfraId}-node-nsg";

        public string ApiLoadBalancer => $"{InfraId}-api-lb";

        public string Master(int index) => string.Create(CultureInfo.InvariantCulture, $"{InfraId}-master-{index}");

        public string MasterInterface(int index) => $"{Master(index)}-nic";
    }
}
