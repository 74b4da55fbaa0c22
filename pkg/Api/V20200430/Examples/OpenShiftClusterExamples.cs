namespace Rp.Api.V20200430.Examples;

/// <summary>The examples this version's API description shows: requests and the responses they lead to.</summary>
public static class OpenShiftClusterExamples
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000000";
    public const string ResourceGroup = "resourceGroup";
    public const string ResourceName = "resourceName";
    public const string Location = "eastus";

    /// <summary>A pull secret that looks like one: registry credentials JSON.</summary>
    public const string PullSecret = """{"auths":{"registry.example.com":{"auth":"ZXhhbXBsZTpleGFtcGxl"}}}""";

    public static readonly string ResourceId = new ResourceId(SubscriptionId, ResourceGroup, ResourceName).ToString();

    private const string VnetId = $"/subscriptions/{SubscriptionId}/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet";

    /// <summary>The smallest create: everything else takes its default or is chosen by the service.</summary>
    public static OpenShiftCluster MinimalPutRequest() => new()
    {
        Location = Location,
        Properties = new OpenShiftClusterProperties
        {
            ClusterProfile = new ClusterProfile { PullSecret = PullSecret },
        },
    };

    public static OpenShiftCluster PutRequest() => new()
    {
        Location = Location,
        Tags = new Dictionary<string, string?> { ["key"] = "value" },
        Properties = new OpenShiftClusterProperties
        {
            ClusterProfile = new ClusterProfile
            {
                PullSecret = PullSecret,
                Domain = "cluster.location.example.com",
                ResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/clusterResourceGroup",
            },
            ServicePrincipalProfile = new ServicePrincipalProfile
            {
                ClientId = "11111111-1111-1111-1111-111111111111",
                ClientSecret = "clientSecret",
            },
            NetworkProfile = new NetworkProfile { PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" },
            MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3", SubnetId = $"{VnetId}/subnets/master" },
            WorkerProfiles =
            [
                new WorkerProfile { Name = "worker", VmSize = "Standard_D2s_v3", DiskSizeGB = 128, SubnetId = $"{VnetId}/subnets/worker", Count = 3 },
            ],
            ApiserverProfile = new ApiserverProfile { Visibility = Visibility.Public },
            IngressProfiles = [new IngressProfile { Name = "default", Visibility = Visibility.Public }],
        },
    };

    /// <summary>A PATCH: tags replace the whole tag set.</summary>
    public static OpenShiftCluster PatchRequest() => new()
    {
        Tags = new Dictionary<string, string?> { ["key"] = "value" },
    };

    /// <summary>The cluster after <see cref="PutRequest"/> succeeded, as GET, PUT and PATCH return it.</summary>
    public static OpenShiftCluster Response()
    {
        var cluster = PutRequest();
        cluster.Id = ResourceId;
        cluster.Name = ResourceName;
        cluster.Type = Api.OpenShiftCluster.ResourceType;
        cluster.SystemData = new ResourceSystemData
        {
            CreatedBy = "string",
            CreatedByType = "User",
            CreatedAt = new DateTimeOffset(2020, 2, 3, 1, 1, 1, TimeSpan.Zero),
            LastModifiedBy = "string",
            LastModifiedByType = "User",
            LastModifiedAt = new DateTimeOffset(2020, 2, 3, 1, 1, 1, TimeSpan.Zero),
        };
        var properties = cluster.Properties!;
        properties.ProvisioningState = nameof(ProvisioningState.Succeeded);
        properties.ClusterProfile!.PullSecret = null;
        properties.ClusterProfile.Version = "4.3.0";
        properties.ServicePrincipalProfile!.ClientSecret = null;
        properties.ConsoleProfile = new ConsoleProfile { Url = "https://console-openshift-console.apps.cluster.location.example.com/" };
        properties.ApiserverProfile!.Url = "https://api.cluster.location.example.com:6443/";
        properties.ApiserverProfile.Ip = "1.2.3.4";
        properties.IngressProfiles![0].Ip = "1.2.3.5";
        return cluster;
    }

    public static OpenShiftClusterCredentials CredentialsResponse() => new()
    {
        KubeadminUsername = ClusterDefaults.KubeadminUsername,
        KubeadminPassword = "password",
    };

    public static OpenShiftClusterAdminKubeconfig AdminCredentialsResponse() => new()
    {
        Kubeconfig = "YXBpVmVyc2lvbjogdjEKa2luZDogQ29uZmlnCg==",
    };
}
