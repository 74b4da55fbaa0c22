using System.Net;
using System.Text;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20200430;

[Collection(PipelineCollection.Name)]
public sealed class LifecycleTests(PipelineFactory factory) : Clusters.LifecycleTests(factory, V20200430Version.Instance)
{
    [Fact]
    public async Task ListAdminCredentials_AfterCreate_ReturnsABase64KubeconfigOfTheCluster()
    {
        var cluster = ClusterRef.New();
        var get = await CreateAndWaitAsync(cluster);

        var credentials = await PostAsync(cluster, "listAdminCredentials");

        credentials.ShouldHaveStatus(HttpStatusCode.OK);
        var kubeconfig = Encoding.UTF8.GetString(Convert.FromBase64String((string)credentials.Body["kubeconfig"]!));
        kubeconfig.Should().Contain("kind: Config");
        var apiserver = ((string)get.Body["properties"]!["apiserverProfile"]!["url"]!).TrimEnd('/');
        kubeconfig.Should().Contain(apiserver);
        get.Text.Should().NotContain((string)credentials.Body["kubeconfig"]!);
    }
}
