using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Versions.V20191231Preview;

[Collection(PipelineCollection.Name)]
public sealed class LifecycleTests(PipelineFactory factory) : Clusters.LifecycleTests(factory, PreviewVersion.Instance)
{
    [Fact]
    public async Task CredentialsGet_AfterCreate_ReturnsWhatListCredentialsReturns()
    {
        var cluster = ClusterRef.New();
        var get = await CreateAndWaitAsync(cluster);

        var credentials = await Arm.GetAsync(cluster.Url(Version.Name, "/credentials"));

        credentials.ShouldHaveStatus(HttpStatusCode.OK);
        credentials.Body.ShouldDeepEqual((await PostAsync(cluster, "listCredentials")).Body);
        ((string?)get.Body["properties"]!["apiserverURL"]).Should().StartWith("https://api.");
        ((string?)get.Body["properties"]!["consoleURL"]).Should().StartWith("https://console-openshift-console.apps.");
    }
}
