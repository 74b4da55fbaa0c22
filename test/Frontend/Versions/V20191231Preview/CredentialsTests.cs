using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20191231Preview;

[Collection(FrontendCollection.Name)]
public sealed class CredentialsTests(FrontendFactory factory) : Clusters.CredentialsTests(factory, PreviewVersion.Instance)
{
    [Fact]
    public async Task CredentialsGet_Succeeded_Returns200WithKubeadminCredentials()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var credentials = await Arm.GetAsync(cluster.Url(Version.Name, "/credentials"));

        credentials.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)credentials.Body["kubeadminUsername"]).Should().Be("kubeadmin");
        ((string?)credentials.Body["kubeadminPassword"]).Should().Be(SimulatedBackend.KubeadminPassword);
    }

    [Fact]
    public async Task ListAdminCredentials_Returns400InvalidApiVersionParameter()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var credentials = await PostAsync(cluster, "listAdminCredentials");

        credentials.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidApiVersionParameter");
        ((string?)credentials.Body["error"]!["message"]).Should().Contain("'2020-04-30'");
    }
}
