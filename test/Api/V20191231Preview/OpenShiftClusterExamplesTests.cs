using FluentAssertions;
using Rp.Api.Tests.Fixtures;
using Xunit;
using Examples = Rp.Api.V20191231Preview.Examples.OpenShiftClusterExamples;

namespace Rp.Api.Tests.V20191231Preview;

public sealed class OpenShiftClusterExamplesTests
{
    [Fact]
    public void Response_AfterThePutRequest_IsWhatClusterToExternalShows()
    {
        var cluster = Clusters.NewTarget();
        Clusters.V2019.ClusterToInternal(TestJson.Body(Examples.PutRequest()), null, cluster);
        var response = Examples.Response();
        cluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        cluster.Properties.ApiserverProfile.Url = response.Properties!.ApiserverUrl;
        cluster.Properties.ConsoleProfile.Url = response.Properties.ConsoleUrl;
        cluster.SystemData = new SystemData
        {
            CreatedBy = response.SystemData!.CreatedBy,
            CreatedByType = response.SystemData.CreatedByType,
            CreatedAt = response.SystemData.CreatedAt,
            LastModifiedBy = response.SystemData.LastModifiedBy,
            LastModifiedByType = response.SystemData.LastModifiedByType,
            LastModifiedAt = response.SystemData.LastModifiedAt,
        };

        TestJson.Body(Clusters.V2019.ClusterToExternal(cluster)).ToString().Should().Be(TestJson.Body(response).ToString());
    }

    [Fact]
    public void MinimalPutRequest_Create_IsAccepted()
    {
        var act = () => Clusters.V2019.ClusterToInternal(TestJson.Body(Examples.MinimalPutRequest()), null, Clusters.NewTarget());

        act.Should().NotThrow();
    }

    [Fact]
    public void PatchRequest_MergedOntoTheResource_ReplacesTheTags()
    {
        var stored = Clusters.Stored2019();
        stored.Tags = new Dictionary<string, string> { ["old"] = "tag" };
        var body = Clusters.GetBody(Clusters.V2019, stored);
        body["tags"] = TestJson.Body(Examples.PatchRequest())["tags"];

        Clusters.V2019.ClusterToInternal(body, stored, stored);

        stored.Tags.Should().Equal(new Dictionary<string, string> { ["key"] = "value" });
    }

    [Fact]
    public void CredentialsResponse_Example_HasTheKubeadminUser()
    {
        Examples.CredentialsResponse().KubeadminUsername.Should().Be(ClusterDefaults.KubeadminUsername);
    }
}
