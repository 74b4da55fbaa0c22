using System.Text;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api.Tests.Fixtures;
using Xunit;

namespace Rp.Api.Tests.V20191231Preview;

public sealed class OpenShiftClusterConverterTests
{
    private const string PullSecretText = """{"auths":{"cloud.openshift.com":{"auth":"dXNlcjpwYXNz"}}}""";

    [Fact]
    public void ClusterToInternal_SeedMinimalBody_AppliesEveryDefault()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(PullSecretText));
        var body = TestJson.Parse($$$"""{"location":"eastus","properties":{"pullSecret":"{{{base64}}}"}}""");
        var cluster = Clusters.NewTarget();

        Clusters.V2019.ClusterToInternal(body, null, cluster);

        cluster.Location.Should().Be("eastus");
        cluster.Tags.Should().BeNull();
        var p = cluster.Properties;
        p.ClusterProfile.PullSecret!.Reveal().Should().Be(PullSecretText);
        p.NetworkProfile.VnetCidr.Should().Be("10.0.0.0/16");
        p.NetworkProfile.PodCidr.Should().Be("10.128.0.0/14");
        p.NetworkProfile.ServiceCidr.Should().Be("172.30.0.0/16");
        p.MasterProfile.VmSize.Should().Be("Standard_D8s_v3");
        p.WorkerProfiles.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Name = "worker", VmSize = "Standard_D2s_v3", DiskSizeGB = 128, Count = 3, SubnetId = (string?)null });
    }

    [Fact]
    public void ClusterToInternal_Create_LeavesWhatThisVersionDoesNotShowButDefaultsWhatEveryClusterHas()
    {
        var cluster = Clusters.Stored2019();

        var p = cluster.Properties;
        p.ServicePrincipalProfile.ClientId.Should().BeNull();
        p.ApiserverProfile.Visibility.Should().Be(Visibility.Public);
        p.IngressProfiles.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "default", Visibility = Visibility.Public });
        p.MasterProfile.SubnetId.Should().BeNull();
        p.ClusterProfile.Domain.Should().BeNull();
        p.ClusterProfile.ResourceGroupId.Should().BeNull();
    }

    [Fact]
    public void ClusterToExternal_StoredCluster_ShowsTheVersionsShapeWithoutSecrets()
    {
        var cluster = Clusters.Stored2019();
        cluster.Properties.ServicePrincipalProfile.ClientId = "11111111-1111-1111-1111-111111111111";
        cluster.Properties.ServicePrincipalProfile.ClientSecret = new Secret("client-secret");
        cluster.Properties.ApiserverProfile.Visibility = Visibility.Private;
        cluster.Properties.LastProvisioningState = ProvisioningState.Creating;

        var external = TestJson.Body(Clusters.V2019.ClusterToExternal(cluster));

        external.ToString().Should().Be(TestJson.Parse("""
            {
              "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup/providers/RedHat.OpenShift/OpenShiftClusters/resourceName",
              "name": "resourceName",
              "type": "RedHat.OpenShift/OpenShiftClusters",
              "location": "eastus",
              "tags": { "key": "value" },
              "properties": {
                "provisioningState": "Failed",
                "failedProvisioningState": "Creating",
                "networkProfile": { "vnetCidr": "10.0.0.0/16", "podCidr": "10.128.0.0/14", "serviceCidr": "172.30.0.0/16" },
                "masterProfile": { "vmSize": "Standard_D8s_v3" },
                "workerProfiles": [ { "name": "worker", "vmSize": "Standard_D2s_v3", "diskSizeGB": 128, "count": 3 } ],
                "apiserverURL": "https://api.example.com:6443/",
                "consoleURL": "https://console.example.com/"
              },
              "systemData": {
                "createdBy": "user@example.com",
                "createdByType": "User",
                "createdAt": "2020-02-03T04:05:06.789+00:00",
                "lastModifiedBy": "user@example.com",
                "lastModifiedByType": "User",
                "lastModifiedAt": "2020-02-04T04:05:06.789+02:00"
              }
            }
            """).ToString());
    }

    [Fact]
    public void ClusterToInternal_UpdateWithoutPullSecret_KeepsTheStoredOne()
    {
        var stored = Clusters.Stored2019();
        var target = TestJson.Clone(stored);

        Clusters.V2019.ClusterToInternal(Clusters.GetBody(Clusters.V2019, stored), stored, target);

        target.Properties.ClusterProfile.PullSecret.Should().Be(stored.Properties.ClusterProfile.PullSecret);
    }

    [Fact]
    public void ClusterToInternal_UpdateWithPullSecret_ReplacesIt()
    {
        var stored = Clusters.Stored2019();
        var body = Clusters.GetBody(Clusters.V2019, stored);
        body["properties"]!["pullSecret"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(PullSecretText));

        Clusters.V2019.ClusterToInternal(body, stored, stored);

        stored.Properties.ClusterProfile.PullSecret!.Reveal().Should().Be(PullSecretText);
    }

    [Fact]
    public void ClusterToInternal_UpdateOmittingProfiles_KeepsThemWithDefaultCounts()
    {
        var stored = Clusters.Stored2019();
        stored.Properties.WorkerProfiles[0].Count = 12;
        var worker = stored.Properties.WorkerProfiles[0];
        var target = TestJson.Clone(stored);

        Clusters.V2019.ClusterToInternal(TestJson.Parse("""{"location":"eastus"}"""), stored, target);

        target.Properties.WorkerProfiles.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { worker.Name, worker.VmSize, worker.DiskSizeGB, Count = ClusterDefaults.WorkerCount });
        target.Properties.NetworkProfile.Should().BeEquivalentTo(stored.Properties.NetworkProfile);
        target.Tags.Should().BeNull("a PUT replaces the tags");
    }

    [Fact]
    public void ClusterToInternal_VmSizesInOtherCasing_StoresTheirCanonicalSpelling()
    {
        var body = TestJson.Body(Rp.Api.V20191231Preview.Examples.OpenShiftClusterExamples.PutRequest());
        body["properties"]!["masterProfile"]!["vmSize"] = "standard_d16S_V3";
        body["properties"]!["workerProfiles"]![0]!["vmSize"] = "STANDARD_E4S_V3";
        var cluster = Clusters.NewTarget();

        Clusters.V2019.ClusterToInternal(body, null, cluster);

        cluster.Properties.MasterProfile.VmSize.Should().Be("Standard_D16s_v3");
        cluster.Properties.WorkerProfiles[0].VmSize.Should().Be("Standard_E4s_v3");
    }

    [Fact]
    public void ClusterToInternal_InvalidPullSecret_ErrorDoesNotRepeatIt()
    {
        var body = TestJson.Body(Rp.Api.V20191231Preview.Examples.OpenShiftClusterExamples.PutRequest());
        body["properties"]!["pullSecret"] = "top-secret-value!";

        var act = () => Clusters.V2019.ClusterToInternal(body, null, Clusters.NewTarget());

        act.Should().Throw<CloudError>().Which.Message.Should().NotContain("top-secret-value");
    }

    [Fact]
    public void CredentialsToExternal_Cluster_ReturnsTheKubeadminLogin()
    {
        var credentials = Clusters.V2019.CredentialsToExternal(Clusters.Stored2019());

        credentials.Should().BeEquivalentTo(new JObject { ["kubeadminUsername"] = "kubeadmin", ["kubeadminPassword"] = "kubeadmin-password" });
    }

    [Fact]
    public void AdminCredentialsToExternal_Version_IsNotSupported()
    {
        var act = () => Clusters.V2019.AdminCredentialsToExternal(Clusters.Stored2019());

        act.Should().Throw<NotSupportedException>();
        Clusters.V2019.SupportsAdminCredentials.Should().BeFalse();
        Clusters.V2019.SupportsCredentialsGet.Should().BeTrue();
    }
}
