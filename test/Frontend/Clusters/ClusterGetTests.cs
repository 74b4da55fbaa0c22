using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>GET of a cluster.</summary>
public abstract class ClusterGetTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task Get_Missing_Returns404ResourceNotFound()
    {
        var get = await GetAsync(ClusterRef.New());

        get.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Get_Existing_Returns200WithResourceAndEtag()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var get = await GetAsync(cluster);

        get.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)get.Body["id"]).Should().Be(cluster.Id);
        ((string?)get.Body["name"]).Should().Be(cluster.Name);
        ((string?)get.Body["type"]).Should().Be("RedHat.OpenShift/OpenShiftClusters");
        ((string?)get.Body["location"]).Should().Be("eastus");
        ((string?)get.Body["tags"]?["env"]).Should().Be("test");
        get.Header("ETag").Should().NotBeNullOrEmpty().And.Be((string?)get.Body["etag"]);
        ShouldContainNoSecret(get);
    }

    [Fact]
    public async Task Get_OtherCasingOfTheNames_ReturnsTheStoredCasing()
    {
        var cluster = ClusterRef.New("Group-One", "Cluster-One");
        await PutAsync(cluster);

        var get = await GetAsync(new ClusterRef(cluster.SubscriptionId.ToUpperInvariant(), "GROUP-one", "cLuStEr-OnE"));

        get.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)get.Body["id"]).Should().Be(cluster.Id);
        ((string?)get.Body["name"]).Should().Be("Cluster-One");
    }

    [Fact]
    public async Task Get_SameNameInAnotherResourceGroup_Returns404()
    {
        var cluster = ClusterRef.New();
        await PutAsync(cluster);

        var get = await GetAsync(cluster with { ResourceGroup = "other" });

        get.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
