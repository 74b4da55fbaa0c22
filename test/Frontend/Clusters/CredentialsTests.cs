using System.Net;
using FluentAssertions;
using Rp.Api;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>The credentials actions, the only responses that carry secrets (the backend's side is simulated).</summary>
public abstract class CredentialsTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task ListCredentials_Succeeded_Returns200WithKubeadminCredentials()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var credentials = await PostAsync(cluster, "listCredentials");

        credentials.ShouldHaveStatus(HttpStatusCode.OK);
        credentials.Body.Properties().Select(p => p.Name).Should().BeEquivalentTo("kubeadminUsername", "kubeadminPassword");
        ((string?)credentials.Body["kubeadminUsername"]).Should().Be("kubeadmin");
        ((string?)credentials.Body["kubeadminPassword"]).Should().Be(SimulatedBackend.KubeadminPassword);
    }

    [Fact]
    public async Task ListCredentials_Missing_Returns404()
    {
        var credentials = await PostAsync(ClusterRef.New(), "listCredentials");

        credentials.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task ListCredentials_CreateFailed_Returns409()
    {
        var cluster = ClusterRef.New();
        await PutAsync(cluster);
        await Backend.EndOperationAsync(cluster, ProvisioningState.Failed);

        var credentials = await PostAsync(cluster, "listCredentials");

        credentials.ShouldBeCloudError(HttpStatusCode.Conflict, "Conflict");
    }

    [Fact]
    public async Task ListCredentials_Succeeded_PasswordAppearsInNoOtherResponse()
    {
        var cluster = ClusterRef.New();
        var get = await CreateSucceededAsync(cluster);
        var list = await ListAsync(cluster.SubscriptionList);

        get.Text.Should().NotContain(SimulatedBackend.KubeadminPassword);
        list.Text.Should().NotContain(SimulatedBackend.KubeadminPassword);
        get.Text.Should().NotContain(SimulatedBackend.AdminKubeconfig);
        get.Text.Should().NotContain("kind: Config");
    }
}
