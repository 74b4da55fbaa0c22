using System.Text;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api.Tests.Fixtures;
using Xunit;
using Examples = Rp.Api.V20200430.Examples.OpenShiftClusterExamples;

namespace Rp.Api.Tests.V20200430;

public sealed class OpenShiftClusterConverterTests
{
    [Fact]
    public void ClusterToInternal_MinimalBody_AppliesEveryDefault()
    {
        var cluster = Clusters.NewTarget();

        Clusters.V2020.ClusterToInternal(TestJson.Body(Examples.MinimalPutRequest()), null, cluster);

        var p = cluster.Properties;
        p.ClusterProfile.Should().BeEquivalentTo(new { Domain = (string?)null, Version = (string?)null, ResourceGroupId = (string?)null });
        p.ClusterProfile.PullSecret!.Reveal().Should().Be(Examples.PullSecret);
        p.ServicePrincipalProfile.Should().BeEquivalentTo(new { ClientId = (string?)null, ClientSecret = (Secret?)null });
        p.NetworkProfile.Should().BeEquivalentTo(new { VnetCidr = "10.0.0.0/16", PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" }, "the vnet this version does not show still gets its default address space");
        p.MasterProfile.Should().BeEquivalentTo(new { VmSize = "Standard_D8s_v3", SubnetId = (string?)null });
        p.WorkerProfiles.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Name = "worker", VmSize = "Standard_D2s_v3", DiskSizeGB = 128, Count = 3, SubnetId = (string?)null });
        p.ApiserverProfile.Should().BeEquivalentTo(new { Visibility = "Public", Url = (string?)null, Ip = (string?)null });
        p.IngressProfiles.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "default", Visibility = "Public", Ip = (string?)null });
    }

    [Fact]
    public void ClusterToInternal_PutRequestExample_MapsEveryField()
    {
        var cluster = Clusters.NewTarget();

        Clusters.V2020.ClusterToInternal(TestJson.Body(Examples.PutRequest()), null, cluster);

        var request = Examples.PutRequest().Properties!;
        var p = cluster.Properties;
        cluster.Location.Should().Be(Examples.Location);
        cluster.Tags.Should().Equal(new Dictionary<string, string> { ["key"] = "value" });
        p.ClusterProfile.PullSecret!.Reveal().Should().Be(Examples.PullSecret);
        p.ClusterProfile.Should().BeEquivalentTo(new { request.ClusterProfile!.Domain, request.ClusterProfile.ResourceGroupId, Version = (string?)null });
        p.ServicePrincipalProfile.ClientId.Should().Be(request.ServicePrincipalProfile!.ClientId);
        p.ServicePrincipalProfile.ClientSecret!.Reveal().Should().Be(request.ServicePrincipalProfile.ClientSecret);
        p.MasterProfile.SubnetId.Should().Be(request.MasterProfile!.SubnetId);
        p.WorkerProfiles.Should().ContainSingle().Which.SubnetId.Should().Be(request.WorkerProfiles![0].SubnetId);
    }

    [Fact]
    public void ClusterToExternal_StoredCluster_ShowsTheVersionsShapeWithoutSecrets()
    {
        var cluster = Clusters.Stored2020();
        cluster.Properties.NetworkProfile.VnetCidr = "10.0.0.0/16";
        cluster.Properties.FailedProvisioningState = ProvisioningState.Updating;

        var external = TestJson.Body(Clusters.V2020.ClusterToExternal(cluster));

        external.ToString().Should().Be(TestJson.Parse("""
            {
              "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup/providers/RedHat.OpenShift/OpenShiftClusters/resourceName",
              "name": "resourceName",
              "type": "RedHat.OpenShift/OpenShiftClusters",
              "location": "eastus",
              "tags": { "key": "value" },
              "properties": {
                "provisioningState": "Succeeded",
                "clusterProfile": {
                  "domain": "cluster.location.example.com",
                  "version": "4.3.0",
                  "resourceGroupId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clusterResourceGroup"
                },
                "consoleProfile": { "url": "https://console.example.com/" },
                "servicePrincipalProfile": { "clientId": "11111111-1111-1111-1111-111111111111" },
                "networkProfile": { "podCidr": "10.128.0.0/14", "serviceCidr": "172.30.0.0/16" },
                "masterProfile": {
                  "vmSize": "Standard_D8s_v3",
                  "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet/subnets/master"
                },
                "workerProfiles": [
                  {
                    "name": "worker",
                    "vmSize": "Standard_D2s_v3",
                    "diskSizeGB": 128,
                    "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet/subnets/worker",
                    "count": 3
                  }
                ],
                "apiserverProfile": { "visibility": "Public", "url": "https://api.example.com:6443/", "ip": "1.2.3.4" },
                "ingressProfiles": [ { "name": "default", "visibility": "Public", "ip": "1.2.3.5" } ]
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
    public void ClusterToInternal_UpdateWithoutSecrets_KeepsTheStoredOnes()
    {
        var stored = Clusters.Stored2020();
        var target = TestJson.Clone(stored);

        Clusters.V2020.ClusterToInternal(Clusters.GetBody(Clusters.V2020, stored), stored, target);

        target.Properties.ClusterProfile.PullSecret.Should().Be(stored.Properties.ClusterProfile.PullSecret);
        target.Properties.ServicePrincipalProfile.ClientSecret.Should().Be(stored.Properties.ServicePrincipalProfile.ClientSecret);
    }

    [Fact]
    public void ClusterToInternal_UpdateWithSecrets_ReplacesThem()
    {
        var stored = Clusters.Stored2020();
        var body = Clusters.GetBody(Clusters.V2020, stored);
        body["properties"]!["clusterProfile"]!["pullSecret"] = """{"auths":{"quay.io":{}}}""";
        body["properties"]!["servicePrincipalProfile"]!["clientSecret"] = "rotated";

        Clusters.V2020.ClusterToInternal(body, stored, stored);

        stored.Properties.ClusterProfile.PullSecret!.Reveal().Should().Be("""{"auths":{"quay.io":{}}}""");
        stored.Properties.ServicePrincipalProfile.ClientSecret!.Reveal().Should().Be("rotated");
    }

    [Fact]
    public void ClusterToInternal_UpdateOmittingVersion_KeepsTheStoredVersion()
    {
        var stored = Clusters.Stored2020();
        var body = Clusters.GetBody(Clusters.V2020, stored);
        ((JObject)body["properties"]!["clusterProfile"]!).Remove("version");

        Clusters.V2020.ClusterToInternal(body, stored, stored);

        stored.Properties.ClusterProfile.Version.Should().Be("4.3.0");
    }

    [Fact]
    public void ClusterToInternal_VisibilityInOtherCasing_StoresItsCanonicalSpelling()
    {
        var body = TestJson.Body(Examples.PutRequest());
        body["properties"]!["apiserverProfile"]!["visibility"] = "pRIVATE";
        body["properties"]!["ingressProfiles"]![0]!["visibility"] = "private";
        var cluster = Clusters.NewTarget();

        Clusters.V2020.ClusterToInternal(body, null, cluster);

        cluster.Properties.ApiserverProfile.Visibility.Should().Be(Visibility.Private);
        cluster.Properties.IngressProfiles[0].Visibility.Should().Be(Visibility.Private);
    }

    [Fact]
    public void ClusterToInternal_SecretOfTheWrongType_ErrorNamesThePathButNotTheValue()
    {
        var body = TestJson.Body(Examples.PutRequest());
        body["properties"]!["servicePrincipalProfile"]!["clientSecret"] = new JObject { ["value"] = "top-secret-value" };

        var act = () => Clusters.V2020.ClusterToInternal(body, null, Clusters.NewTarget());

        var error = act.Should().Throw<CloudError>().Which;
        error.Error.Should().BeEquivalentTo(new { Code = CloudErrorCodes.InvalidRequestContent, Target = "properties.servicePrincipalProfile.clientSecret" });
        error.Message.Should().NotContain("top-secret-value");
    }

    [Fact]
    public void CredentialsToExternal_Cluster_ReturnsTheKubeadminLogin()
    {
        var credentials = Clusters.V2020.CredentialsToExternal(Clusters.Stored2020());

        credentials.Should().BeEquivalentTo(new JObject { ["kubeadminUsername"] = "kubeadmin", ["kubeadminPassword"] = "kubeadmin-password" });
        Clusters.V2020.SupportsCredentialsGet.Should().BeFalse();
    }

    [Fact]
    public void AdminCredentialsToExternal_Cluster_ReturnsTheKubeconfigInBase64()
    {
        var credentials = Clusters.V2020.AdminCredentialsToExternal(Clusters.Stored2020());

        var kubeconfig = Convert.FromBase64String((string)credentials["kubeconfig"]!);
        Encoding.UTF8.GetString(kubeconfig).Should().Be("apiVersion: v1\nkind: Config\n");
        Clusters.V2020.SupportsAdminCredentials.Should().BeTrue();
    }
}
