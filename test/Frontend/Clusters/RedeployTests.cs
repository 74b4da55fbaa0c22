using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>
/// A redeploy of an unchanged template is a PUT of the body that made the cluster: on a Succeeded
/// cluster it answers 200 at once, Succeeded, and starts nothing. Any change still starts an update.
/// </summary>
public abstract class RedeployTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    /// <summary>Case, and the change made to the create body before it is PUT again.</summary>
    public static TheoryData<string, Action<JObject, ApiVersionCase>> Changes => new()
    {
        { "a tag added", (body, _) => ((JObject)body["tags"]!)["added"] = "yes" },
        { "a tag removed", (body, _) => body.Remove("tags") },
        { "another worker count", (body, _) => body.SelectToken("properties.workerProfiles[0].count")!.Replace(5) },
        { "another pull secret", (body, v) => body.SelectToken(v.PullSecretPath)!.Replace(OtherPullSecret(v)) },
    };

    [Fact]
    public async Task Put_SameBodyOnSucceededCluster_Returns200AtOnceWithNoOperationAndNoWrite()
    {
        var cluster = ClusterRef.New();
        var before = await CreateSucceededAsync(cluster);
        var stored = await StoreFingerprint.ReadAsync(Factory);

        var response = await PutAsync(cluster);

        response.ShouldHaveStatus(HttpStatusCode.OK);
        response.ProvisioningState().Should().Be("Succeeded");
        response.Header("Azure-AsyncOperation").Should().BeNull("a redeploy that changes nothing starts no operation");
        response.Header("Location").Should().BeNull();
        response.Header("ETag").Should().Be(before.Header("ETag"));
        JToken.DeepEquals(response.Body, before.Body).Should().BeTrue($"the answer is the stored resource: {response.Body} vs {before.Body}");
        ShouldContainNoSecret(response);
        (await StoreFingerprint.ReadAsync(Factory)).Should().Be(stored, "nothing is written: no document, operation or queue message");
    }

    [Fact]
    public async Task Put_SameBodyWithDefaultsSpelledOut_IsStillUnchanged()
    {
        var cluster = ClusterRef.New();
        var before = await CreateSucceededAsync(cluster);
        var body = Version.CreateBody();
        body["name"] = cluster.Name;
        body["type"] = ResourceId.ProviderNamespace + "/" + ResourceId.ResourceTypeName;

        var response = await PutAsync(cluster, body);

        response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Header("Azure-AsyncOperation").Should().BeNull();
        response.Header("ETag").Should().Be(before.Header("ETag"));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Put_ChangedBodyOnSucceededCluster_StartsAnUpdate(string name, Action<JObject, ApiVersionCase> change)
    {
        var cluster = ClusterRef.New();
        var before = await CreateSucceededAsync(cluster);
        var body = Version.CreateBody();
        change(body, Version);

        var response = await PutAsync(cluster, body);

        response.ShouldHaveStatus(HttpStatusCode.OK, name);
        response.ProvisioningState().Should().Be("Updating", name);
        response.Header("Azure-AsyncOperation").Should().NotBeNull(name);
        response.Header("ETag").Should().NotBe(before.Header("ETag"), name);
    }

    [Fact]
    public async Task Put_SameBodyOnFailedCluster_StartsAnOperation()
    {
        var cluster = ClusterRef.New();
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        await Backend.EndOperationAsync(cluster, ProvisioningState.Failed);

        var response = await PutAsync(cluster);

        response.Header("Azure-AsyncOperation").Should().NotBeNull("only a Succeeded cluster is left as it is");
        response.ProvisioningState().Should().Be("Creating", "a PUT retries a failed create");
    }

    [Fact]
    public async Task Put_SameBodyWithStaleIfMatch_Returns412()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var response = await PutAsync(cluster, null, ("If-Match", "\"stale\""));

        response.ShouldBeCloudError(HttpStatusCode.PreconditionFailed, "PreconditionFailed");
    }

    private static string OtherPullSecret(ApiVersionCase version)
    {
        const string other = """{"auths":{"other.example.com":{"auth":"b3RoZXI="}}}""";
        return version.Name == "2019-12-31-preview" ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(other)) : other;
    }
}
