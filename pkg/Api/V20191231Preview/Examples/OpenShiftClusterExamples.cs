using System.Text;

namespace Rp.Api.V20191231Preview.Examples;

/// <summary>The examples this version's API description shows: requests and the responses they lead to.</summary>
public static class OpenShiftClusterExamples
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000000";
    public const string ResourceGroup = "resourceGroup";
    public const string ResourceName = "resourceName";
    public const string Location = "eastus";

    /// <summary>A pull secret that looks like one: registry credentials JSON, base64-encoded.</summary>
    public static readonly string PullSecret =
        Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auths":{"registry.example.com":{"auth":"ZXhhbXBsZTpleGFtcGxl"}}}"""));

    public static readonly string ResourceId = new ResourceId(SubscriptionId, ResourceGroup, ResourceName).ToString();

    /// <summary>The smallest create: everything else takes its default.</summary>
    public static OpenShiftCluster MinimalPutRequest() => new()
    {
        Location = Location,
        Properties = new OpenShiftClusterProperties { PullSecret = PullSecret },
    };

    public static OpenShiftCluster PutRequest() => new()
    {
        Location = Location,
        Tags = new Dictionary<string, string?> { ["key"] = "value" },
        Properties = new OpenShiftClusterProperties
        {
            PullSecret = PullSecret,
            NetworkProfile = new NetworkProfile
            {
                VnetCidr = "10.0.0.0/16",
                PodCidr = "10.128.0.0/14",
                ServiceCidr = "172.30.0.0/16",
            },
            MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3" },
            WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D2s_v3", DiskSizeGB = 128, Count = 3 }],
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
        properties.PullSecret = null;
        properties.ApiserverUrl = "https://api.cluster.location.example.com:6443/";
        properties.ConsoleUrl = "https://console-openshift-console.apps.cluster.location.example.com/";
        return cluster;
    }

    public static OpenShiftClusterCredentials CredentialsResponse() => new()
    {
        KubeadminUsername = ClusterDefaults.KubeadminUsername,
        KubeadminPassword = "password",
    };
}
