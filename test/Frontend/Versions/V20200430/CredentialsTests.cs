using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(FrontendCollection.Name)]
public sealed class CredentialsTests(FrontendFactory factory) : Clusters.CredentialsTests(factory, V20200430Version.Instance)
{
    [Fact]
    public async Task ListAdminCredentials_Succeeded_Returns200WithBase64Kubeconfig()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var credentials = await PostAsync(cluster, "listAdminCredentials");

        credentials.ShouldHaveStatus(HttpStatusCode.OK);
        credentials.Body.Properties().Select(p => p.Name).Should().Equal("kubeconfig");
        ((string?)credentials.Body["kubeconfig"]).Should().Be(SimulatedBackend.AdminKubeconfig);
    }

    [Fact]
    public async Task CredentialsGet_Returns400InvalidApiVersionParameter()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var credentials = await Arm.GetAsync(cluster.Url(Version.Name, "/credentials"));

        credentials.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidApiVersionParameter");
        ((string?)credentials.Body["error"]!["message"]).Should().Contain("'2019-12-31-preview'");
    }
}
