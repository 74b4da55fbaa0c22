using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>PUT of a cluster: create, replace, names, body validation and immutability.</summary>
public abstract class ClusterPutTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    public static TheoryData<string, string, string, string, string> InvalidNames => new()
    {
        { "resource group ends with a dot", "rg.", "cluster", "InvalidParameter", "resourceGroupName" },
        { "resource group longer than 90", new string('r', 91), "cluster", "InvalidParameter", "resourceGroupName" },
        { "resource group with a comma", "rg,1", "cluster", "InvalidParameter", "resourceGroupName" },
        { "name starts with a hyphen", "rg", "-cluster", "InvalidResourceName", "name" },
        { "name ends with an underscore", "rg", "cluster_", "InvalidResourceName", "name" },
        { "name longer than 63", "rg", new string('c', 64), "InvalidResourceName", "name" },
        { "name with a dot", "rg", "my.cluster", "InvalidResourceName", "name" },
    };

    /// <summary>Case, JSON path, new value as JSON (null: remove it), code, target.</summary>
    public static TheoryData<string, string, string?, string, string> InvalidCreateBodies => new()
    {
        { "location missing", "location", null, "InvalidParameter", "location" },
        { "worker count below the minimum", "properties.workerProfiles[0].count", "1", "InvalidParameter", "properties.workerProfiles[0].count" },
        { "worker count not a number", "properties.workerProfiles[0].count", "\"three\"", "InvalidRequestContent", "properties.workerProfiles[0].count" },
        { "worker vm size unknown", "properties.workerProfiles[0].vmSize", "\"Standard_A0\"", "InvalidParameter", "properties.workerProfiles[0].vmSize" },
        { "pod cidr malformed", "properties.networkProfile.podCidr", "\"10.0.0.0/99\"", "InvalidParameter", "properties.networkProfile.podCidr" },
        { "provisioning state set on create", "properties.provisioningState", "\"Succeeded\"", "InvalidParameter", "properties.provisioningState" },
        { "name contradicts the url", "name", "\"other\"", "InvalidParameter", "name" },
        { "type contradicts the url", "type", "\"Microsoft.Compute/virtualMachines\"", "InvalidParameter", "type" },
        { "system data sent", "systemData", """{"createdBy":"someone"}""", "InvalidParameter", "systemData" },
        { "tags not an object", "tags", "\"env=test\"", "InvalidRequestContent", "tags" },
        { "tag name with a forbidden character", "tags", """{"a<b":"v"}""", "InvalidParameter", "tags" },
        { "tag name with a control character", "tags", """{"a\u0001b":"v"}""", "InvalidParameter", "tags" },
        { "tag name longer than 512", "tags", new JObject { [new string('k', 513)] = "v" }.ToString(), "InvalidParameter", "tags" },
        { "tag value longer than 256", "tags", new JObject { ["k"] = new string('v', 257) }.ToString(), "InvalidParameter", "tags" },
        { "more than 50 tags", "tags", new JObject(Enumerable.Range(0, 51).Select(i => new JProperty($"k{i}", "v"))).ToString(), "InvalidParameter", "tags" },
    };

    /// <summary>Case, JSON path, new value as JSON, target; applied to the resource as GET returns it.</summary>
    public static TheoryData<string, string, string, string> ImmutableChanges => new()
    {
        { "location", "location", "\"westus\"", "location" },
        { "name", "name", "\"other\"", "name" },
        { "pod cidr", "properties.networkProfile.podCidr", "\"10.132.0.0/14\"", "properties.networkProfile.podCidr" },
        { "master vm size", "properties.masterProfile.vmSize", "\"Standard_D16s_v3\"", "properties.masterProfile.vmSize" },
        { "worker disk size", "properties.workerProfiles[0].diskSizeGB", "256", "properties.workerProfiles[0].diskSizeGB" },
        { "provisioning state (read-only) with another value", "properties.provisioningState", "\"Failed\"", "properties.provisioningState" },
    };

    [Fact]
    public async Task Put_Create_Returns201CreatingWithAsyncOperationHeaders()
    {
        var cluster = ClusterRef.New();

        var put = await PutAsync(cluster);

        put.ShouldHaveStatus(HttpStatusCode.Created);
        put.ProvisioningState().Should().Be("Creating");
        ((string?)put.Body["id"]).Should().Be(cluster.Id);
        ((string?)put.Body["name"]).Should().Be(cluster.Name);
        ((string?)put.Body["type"]).Should().Be("RedHat.OpenShift/OpenShiftClusters");
        ((string?)put.Body["location"]).Should().Be("eastus");
        put.Header("ETag").Should().NotBeNullOrEmpty().And.Be((string?)put.Body["etag"]);
        put.Header("Retry-After").Should().Be("1");

        var asyncOperation = new Uri(put.Header("Azure-AsyncOperation")!);
        asyncOperation.GetLeftPart(UriPartial.Authority).Should().Be("https://management.azure.com");
        asyncOperation.AbsolutePath.Should().MatchRegex(
            $"^/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{ArmPatterns.Guid}$");
        asyncOperation.Query.Should().Be($"?api-version={Version.Name}");
    }

    [Fact]
    public async Task Put_Create_ResourceIsVisibleAtOnceAsCreating()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);

        var get = await GetAsync(cluster);

        get.ShouldHaveStatus(HttpStatusCode.OK);
        get.ProvisioningState().Should().Be("Creating");
        get.Header("ETag").Should().Be(put.Header("ETag"));
        ((string?)get.Body["etag"]).Should().Be(put.Header("ETag"));
    }

    [Fact]
    public async Task Put_ReplaceOfTerminalResource_Returns200UpdatingWithNewOperation()
    {
        var cluster = ClusterRef.New();
        var created = await PutAsync(cluster);
        await Backend.EndOperationAsync(cluster);
        var before = await GetAsync(cluster);

        var put = await PutAsync(cluster, Version.CreateBody().With("properties.workerProfiles[0].count", 4));

        put.ShouldHaveStatus(HttpStatusCode.OK);
        put.ProvisioningState().Should().Be("Updating");
        put.Header("ETag").Should().NotBe(before.Header("ETag")).And.Be((string?)put.Body["etag"]);
        put.Header("Azure-AsyncOperation").Should().NotBeNull().And.NotBe(created.Header("Azure-AsyncOperation"));
        put.Header("Retry-After").Should().Be("1");
    }

    [Fact]
    public async Task Put_BodyAsGetReturnsIt_Returns200Unchanged()
    {
        var cluster = ClusterRef.New();
        var get = await CreateSucceededAsync(cluster);

        var put = await PutAsync(cluster, get.Body);

        put.ShouldHaveStatus(HttpStatusCode.OK);
        put.ProvisioningState().Should().Be("Succeeded", "the GET's body with its secrets kept changes nothing (see RedeployTests)");
        put.Header("Azure-AsyncOperation").Should().BeNull();
        ((string?)put.Body["location"]).Should().Be("eastus");
    }

    [Fact]
    public async Task Put_ReplaceOmittingMutableFieldsAndSecrets_DefaultsThemAndKeepsSecrets()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster, Version.CreateBody().With("properties.workerProfiles[0].count", 5));
        var replacement = Version.CreateBody().With("tags", null).With("properties.workerProfiles", null).With(Version.PullSecretPath, null);

        var put = await PutAsync(cluster, replacement);

        put.ShouldHaveStatus(HttpStatusCode.OK);
        put.Body["tags"].Should().BeNull("a PUT replaces: omitted tags are removed");
        ((int?)put.Body.SelectToken("properties.workerProfiles[0].count")).Should().Be(3, "an omitted mutable field takes its default");
    }

    [Fact]
    public async Task Put_LocationAsDisplayName_IsNotAChange()
    {
        var cluster = ClusterRef.New();
        var get = await CreateSucceededAsync(cluster);

        var put = await PutAsync(cluster, get.Body.With("location", "East US"));

        put.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Put_CreateWithLocationDisplayName_UsesTheLocationNameInAsyncUrls()
    {
        var cluster = ClusterRef.New();

        var put = await PutAsync(cluster, Version.CreateBody().With("location", "East US"));

        put.ShouldHaveStatus(HttpStatusCode.Created);
        new Uri(put.Header("Azure-AsyncOperation")!).AbsolutePath.Should().Contain("/locations/eastus/operationsStatus/");
    }

    [Fact]
    public async Task Put_NamesDifferingOnlyInCase_ReplaceTheResourceAndTakeTheLatestCasing()
    {
        var original = ClusterRef.New("MyResourceGroup", "MyCluster");
        await CreateSucceededAsync(original);
        var lower = original with { ResourceGroup = "myresourcegroup", Name = "mycluster" };

        var put = await PutAsync(lower);

        put.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)put.Body["name"]).Should().Be("mycluster");
        var get = await GetAsync(original with { ResourceGroup = "MYRESOURCEGROUP", Name = "MYCLUSTER" });
        get.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)get.Body["name"]).Should().Be("mycluster");
        ((string?)get.Body["id"]).Should().Be(lower.Id);
    }

    [Fact]
    public async Task Put_BodyRepeatingTheUrlNamesInOtherCase_TakesTheNamesFromTheUrl()
    {
        var cluster = ClusterRef.New("rg", "cluster");
        var body = Version.CreateBody().With("name", "CLUSTER").With("id", cluster.Id.ToUpperInvariant()).With("type", "redhat.openshift/openshiftclusters");

        var put = await PutAsync(cluster, body);

        put.ShouldHaveStatus(HttpStatusCode.Created);
        ((string?)put.Body["name"]).Should().Be("cluster");
        ((string?)put.Body["id"]).Should().Be(cluster.Id);
        ((string?)put.Body["type"]).Should().Be("RedHat.OpenShift/OpenShiftClusters");
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task Put_InvalidName_Returns400(string name, string resourceGroup, string clusterName, string code, string target)
    {
        var cluster = ClusterRef.New(resourceGroup, clusterName);

        var put = await PutAsync(cluster);

        put.ShouldBeCloudError(HttpStatusCode.BadRequest, code, target);
        (await GetAsync(cluster)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused create ({0}) creates nothing", name);
    }

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Put_InvalidCreateBody_Returns400WithJsonPathTarget(string name, string path, string? value, string code, string target)
    {
        var cluster = ClusterRef.New();
        var body = Version.CreateBody().With(path, value is null ? null : JToken.Parse(value));

        var put = await PutAsync(cluster, body);

        put.ShouldBeCloudError(HttpStatusCode.BadRequest, code, target);
        (await GetAsync(cluster)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused create ({0}) creates nothing", name);
    }

    [Fact]
    public async Task Put_CreateWithoutPullSecret_Returns400WithItsPath()
    {
        var cluster = ClusterRef.New();

        var put = await PutAsync(cluster, Version.CreateBody().With(Version.PullSecretPath, null));

        put.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", Version.PullSecretPath);
    }

    [Theory]
    [MemberData(nameof(ImmutableChanges))]
    public async Task Put_ImmutablePropertyChanged_Returns400PropertyChangeNotAllowed(string name, string path, string value, string target)
    {
        var cluster = ClusterRef.New();
        var before = await CreateSucceededAsync(cluster);

        var put = await PutAsync(cluster, ((JObject)before.Body.DeepClone()).With(path, JToken.Parse(value)));

        put.ShouldBeCloudError(HttpStatusCode.BadRequest, "PropertyChangeNotAllowed", target);
        var after = await GetAsync(cluster);
        after.Header("ETag").Should().Be(before.Header("ETag"), "a refused {0} changes nothing", name);
        after.ProvisioningState().Should().Be("Succeeded");
    }
}
