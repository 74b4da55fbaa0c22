using System.Text;
using FluentAssertions;
using Rp.Api.Tests.Fixtures;
using Xunit;
using Examples = Rp.Api.V20200430.Examples.OpenShiftClusterExamples;

namespace Rp.Api.Tests.V20200430;

public sealed class OpenShiftClusterExamplesTests
{
    [Fact]
    public void Response_AfterThePutRequest_IsWhatClusterToExternalShows()
    {
        var cluster = Clusters.NewTarget();
        Clusters.V2020.ClusterToInternal(TestJson.Body(Examples.PutRequest()), null, cluster);
        var response = Examples.Response();
        var properties = response.Properties!;
        cluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        cluster.Properties.ClusterProfile.Version = properties.ClusterProfile!.Version;
        cluster.Properties.ConsoleProfile.Url = properties.ConsoleProfile!.Url;
        cluster.Properties.ApiserverProfile.Url = properties.ApiserverProfile!.Url;
        cluster.Properties.ApiserverProfile.Ip = properties.ApiserverProfile.Ip;
        cluster.Properties.IngressProfiles[0].Ip = properties.IngressProfiles![0].Ip;
        cluster.SystemData = new SystemData
        {
            CreatedBy = response.SystemData!.CreatedBy,
            CreatedByType = response.SystemData.CreatedByType,
            CreatedAt = response.SystemData.CreatedAt,
            LastModifiedBy = response.SystemData.LastModifiedBy,
            LastModifiedByType = response.SystemData.LastModifiedByType,
            LastModifiedAt = response.SystemData.LastModifiedAt,
        };

        TestJson.Body(Clusters.V2020.ClusterToExternal(cluster)).ToString().Should().Be(TestJson.Body(response).ToString());
    }

    [Fact]
    public void MinimalPutRequest_Create_IsAccepted()
    {
        var act = () => Clusters.V2020.ClusterToInternal(TestJson.Body(Examples.MinimalPutRequest()), null, Clusters.NewTarget());

        act.Should().NotThrow();
    }

    [Fact]
    public void PatchRequest_MergedOntoTheResource_ReplacesTheTags()
    {
        var stored = Clusters.Stored2020();
        stored.Tags = new Dictionary<string, string> { ["old"] = "tag" };
        var body = Clusters.GetBody(Clusters.V2020, stored);
        body["tags"] = TestJson.Body(Examples.PatchRequest())["tags"];

        Clusters.V2020.ClusterToInternal(body, stored, stored);

        stored.Tags.Should().Equal(new Dictionary<string, string> { ["key"] = "value" });
    }

    [Fact]
    public void AdminCredentialsResponse_Example_IsABase64Kubeconfig()
    {
        var kubeconfig = Encoding.UTF8.GetString(Convert.FromBase64String(Examples.AdminCredentialsResponse().Kubeconfig!));

        kubeconfig.Should().StartWith("apiVersion: v1");
    }
}
