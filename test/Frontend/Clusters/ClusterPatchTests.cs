using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>PATCH of a cluster: never creates; tags alone complete at once; anything else is an RFC 7396 merge run asynchronously.</summary>
public abstract class ClusterPatchTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task Patch_Missing_Returns404AndCreatesNothing()
    {
        var cluster = ClusterRef.New();

        var patch = await PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["a"] = "b" } });

        patch.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await GetAsync(cluster)).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("Tags")]
    [InlineData("TAGS")]
    public async Task Patch_TagsOnly_Returns200AtOnceWithTheWholeTagSetReplaced(string tagsProperty)
    {
        // ARM matches property names ignoring case: any spelling of tags takes the tags-only path and replaces the set.
        var cluster = ClusterRef.New();
        var before = await CreateSucceededAsync(cluster, Version.CreateBody().With("tags", new JObject { ["a"] = "1", ["b"] = "2" }));

        var patch = await PatchAsync(cluster, new JObject { [tagsProperty] = new JObject { ["c"] = "3" } });

        patch.ShouldHaveStatus(HttpStatusCode.OK);
        patch.Body["tags"].ShouldDeepEqual(new JObject { ["c"] = "3" });
        patch.ProvisioningState().Should().Be("Succeeded");
        patch.Header("Azure-AsyncOperation").Should().BeNull("a tags-only PATCH completes synchronously");
        patch.Header("ETag").Should().NotBe(before.Header("ETag")).And.Be((string?)patch.Body["etag"]);
        var get = await GetAsync(cluster);
        get.Body["tags"].ShouldDeepEqual(new JObject { ["c"] = "3" });
        ShouldContainNoSecret(patch);
    }

    [Fact]
    public async Task Patch_TagsNull_RemovesEveryTag()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var patch = await PatchAsync(cluster, new JObject { ["tags"] = null });

        patch.ShouldHaveStatus(HttpStatusCode.OK);
        patch.Body["tags"].Should().BeNull();
        (await GetAsync(cluster)).Body["tags"].Should().BeNull();
    }

    [Fact]
    public async Task Patch_Property_Returns202WithLocationAndAsyncOperation()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var patch = await PatchAsync(cluster, WorkerCount(4));

        patch.ShouldHaveStatus(HttpStatusCode.Accepted);
        patch.Text.Should().BeEmpty();
        patch.Header("Retry-After").Should().Be("1");
        var asyncOperation = new Uri(patch.Header("Azure-AsyncOperation")!);
        var location = new Uri(patch.Header("Location")!);
        asyncOperation.AbsolutePath.Should().MatchRegex($"^/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{ArmPatterns.Guid}$");
        location.AbsolutePath.Should().Be(asyncOperation.AbsolutePath.Replace("/operationsStatus/", "/operationResults/", StringComparison.Ordinal));
        var get = await GetAsync(cluster);
        get.ProvisioningState().Should().Be("Updating");
        ((int?)get.Body.SelectToken("properties.workerProfiles[0].count")).Should().Be(4);
    }

    [Fact]
    public async Task Patch_Property_MergesAndKeepsWhatItOmits()
    {
        var cluster = ClusterRef.New();
        var before = await CreateSucceededAsync(cluster, Version.CreateBody().With("tags", new JObject { ["keep"] = "me" }));

        (await PatchAsync(cluster, WorkerCount(4))).ShouldHaveStatus(HttpStatusCode.Accepted);

        var get = await GetAsync(cluster);
        get.Body["tags"].ShouldDeepEqual(new JObject { ["keep"] = "me" });
        get.Body.SelectToken("properties.networkProfile").ShouldDeepEqual(before.Body.SelectToken("properties.networkProfile"));
        get.Body.SelectToken("properties.masterProfile").ShouldDeepEqual(before.Body.SelectToken("properties.masterProfile"));
        ((string?)get.Body.SelectToken("properties.workerProfiles[0].vmSize")).Should().Be((string?)before.Body.SelectToken("properties.workerProfiles[0].vmSize"));
    }

    [Fact]
    public async Task Patch_NullProperty_RemovesItSoItsDefaultApplies()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster, Version.CreateBody().With("properties.workerProfiles[0].count", 5));

        var patch = await PatchAsync(cluster, new JObject { ["properties"] = new JObject { ["workerProfiles"] = null } });

        patch.ShouldHaveStatus(HttpStatusCode.Accepted);
        var get = await GetAsync(cluster);
        ((int?)get.Body.SelectToken("properties.workerProfiles[0].count")).Should().Be(3);
    }

    [Fact]
    public async Task Patch_ImmutableProperty_Returns400PropertyChangeNotAllowed()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var patch = await PatchAsync(cluster, new JObject { ["properties"] = new JObject { ["networkProfile"] = new JObject { ["podCidr"] = "10.132.0.0/14" } } });

        patch.ShouldBeCloudError(HttpStatusCode.BadRequest, "PropertyChangeNotAllowed", "properties.networkProfile.podCidr");
        (await GetAsync(cluster)).ProvisioningState().Should().Be("Succeeded");
    }

    [Fact]
    public async Task Patch_InvalidTags_Returns400WithTarget()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var patch = await PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["a/b"] = "v" } });

        patch.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "tags");
    }

    private static JObject WorkerCount(int count) =>
        new() { ["properties"] = new JObject { ["workerProfiles"] = new JArray(new JObject { ["name"] = "worker", ["count"] = count }) } };
}
