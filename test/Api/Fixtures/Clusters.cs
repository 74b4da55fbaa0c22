using Newtonsoft.Json.Linq;
using Rp.Api.V20191231Preview;
using Rp.Api.V20200430;
using Examples2019 = Rp.Api.V20191231Preview.Examples.OpenShiftClusterExamples;
using Examples2020 = Rp.Api.V20200430.Examples.OpenShiftClusterExamples;

namespace Rp.Api.Tests.Fixtures;

/// <summary>Clusters as the frontend would hand them over: a new target, or a stored cluster the service has worked on.</summary>
internal static class Clusters
{
    public static readonly ApiVersion20191231Preview V2019 = new();
    public static readonly ApiVersion20200430 V2020 = new();

    /// <summary>A new cluster as the frontend makes it from the URL of a create.</summary>
    public static OpenShiftCluster NewTarget() => new()
    {
        Id = Examples2019.ResourceId,
        Name = Examples2019.ResourceName,
        Type = OpenShiftCluster.ResourceType,
    };

    /// <summary>The 2019-12-31-preview example request, created and then failed by the service.</summary>
    public static OpenShiftCluster Stored2019()
    {
        var cluster = NewTarget();
        V2019.ClusterToInternal(TestJson.Body(Examples2019.PutRequest()), null, cluster);
        var p = cluster.Properties;
        p.ProvisioningState = ProvisioningState.Failed;
        p.FailedProvisioningState = ProvisioningState.Creating;
        p.ApiserverProfile.Url = "https://api.example.com:6443/";
        p.ConsoleProfile.Url = "https://console.example.com/";
        p.KubeadminPassword = new Secret("kubeadmin-password");
        cluster.SystemData = SystemData();
        return cluster;
    }

    /// <summary>The 2020-04-30 example request, created by the service.</summary>
    public static OpenShiftCluster Stored2020()
    {
        var cluster = NewTarget();
        V2020.ClusterToInternal(TestJson.Body(Examples2020.PutRequest()), null, cluster);
        var p = cluster.Properties;
        p.ProvisioningState = ProvisioningState.Succeeded;
        p.ClusterProfile.Version = "4.3.0";
        p.ApiserverProfile.Url = "https://api.example.com:6443/";
        p.ApiserverProfile.Ip = "1.2.3.4";
        p.ConsoleProfile.Url = "https://console.example.com/";
        p.IngressProfiles[0].Ip = "1.2.3.5";
        p.KubeadminPassword = new Secret("kubeadmin-password");
        p.AdminKubeconfig = new Secret("apiVersion: v1\nkind: Config\n");
        cluster.SystemData = SystemData();
        return cluster;
    }

    /// <summary>What a client sends back after a GET: the resource as the version shows it.</summary>
    public static JObject GetBody(IApiVersion version, OpenShiftCluster cluster) => TestJson.Body(version.ClusterToExternal(cluster));

    private static SystemData SystemData() => new()
    {
        CreatedBy = "user@example.com",
        CreatedByType = "User",
        CreatedAt = new DateTimeOffset(2020, 2, 3, 4, 5, 6, 789, TimeSpan.Zero),
        LastModifiedBy = "user@example.com",
        LastModifiedByType = "User",
        LastModifiedAt = new DateTimeOffset(2020, 2, 4, 4, 5, 6, 789, TimeSpan.FromHours(2)),
    };
}
