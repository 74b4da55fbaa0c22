using System.Net;
using System.Text;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Preflight;

/// <summary>
/// ARM's deployment preflight: always 200, Succeeded or Failed with the error the PUT of each
/// invalid resource would give (its target located in the request), and never a write.
/// </summary>
[Collection(FrontendCollection.Name)]
public sealed class DeploymentPreflightTests(FrontendFactory factory) : IDisposable
{
    private const string ClusterType = "RedHat.OpenShift/openShiftClusters";

    private readonly ArmClient arm = factory.CreateArmClient();

    /// <summary>Case, api-version, a change to a valid create body, the code and target its PUT refuses it with.</summary>
    public static TheoryData<string, string, Action<JObject>, string, string> InvalidResources => new()
    {
        { "invalid pod CIDR", V20200430Version.Instance.Name, r => r.SelectToken("properties.networkProfile.podCidr")!.Replace("10.128.0.0/33"), "InvalidParameter", "properties.networkProfile.podCidr" },
        { "overlapping CIDRs", V20200430Version.Instance.Name, r => r.SelectToken("properties.networkProfile.serviceCidr")!.Replace("10.128.0.0/16"), "InvalidParameter", "properties.networkProfile.serviceCidr" },
        { "no pull secret", V20200430Version.Instance.Name, r => r.SelectToken("properties.clusterProfile.pullSecret")!.Parent!.Remove(), "InvalidParameter", "properties.clusterProfile.pullSecret" },
        { "worker count of the wrong type", V20200430Version.Instance.Name, r => r.SelectToken("properties.workerProfiles[0].count")!.Replace("three"), "InvalidRequestContent", "properties.workerProfiles[0].count" },
        { "read-only value", V20200430Version.Instance.Name, r => r["properties"]!["provisioningState"] = "Succeeded", "InvalidParameter", "properties.provisioningState" },
        { "no location", V20200430Version.Instance.Name, r => r.Remove("location"), "InvalidParameter", "location" },
        { "preview: invalid vnet CIDR", PreviewVersion.Instance.Name, r => r.SelectToken("properties.networkProfile.vnetCidr")!.Replace("300.0.0.0/16"), "InvalidParameter", "properties.networkProfile.vnetCidr" },
    };

    /// <summary>Case, request body text: each is a Failed InvalidRequestContent, never a 4xx.</summary>
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "not JSON", "{\"resources\": [" },
        { "an array", "[]" },
        { "no resources", "{}" },
        { "resources not an array", "{\"resources\":{}}" },
        { "a resource not an object", "{\"resources\":[42]}" },
        { "a resource without a type", "{\"resources\":[{\"name\":\"x\"}]}" },
    };

    public void Dispose() => arm.Dispose();

    [Theory]
    [InlineData("2020-04-30")]
    [InlineData("2019-12-31-preview")]
    public async Task Preflight_ValidCreate_SucceedsAndWritesNothing(string apiVersion)
    {
        var cluster = ClusterRef.New();
        var before = await StoreFingerprint.ReadAsync(factory);

        var response = await PreflightAsync(cluster, Resource(cluster, apiVersion));

        ShouldSucceed(response);
        (await StoreFingerprint.ReadAsync(factory)).Should().Be(before, "preflight writes nothing: no document, operation, subscription or queue message");
        (await arm.GetAsync(cluster.Url(apiVersion))).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Theory]
    [MemberData(nameof(InvalidResources))]
    public async Task Preflight_InvalidResource_FailsWithThePutsErrorAndWritesNothing(string name, string apiVersion, Action<JObject> change, string code, string target)
    {
        var cluster = ClusterRef.New();
        var resource = Resource(cluster, apiVersion);
        change(resource);
        var before = await StoreFingerprint.ReadAsync(factory);

        var response = await PreflightAsync(cluster, resource);

        var error = ShouldFail(response, code, $"resources[0].{target}", name);
        (await StoreFingerprint.ReadAsync(factory)).Should().Be(before, "{0}: preflight writes nothing", name);
        var put = await arm.PutAsync(cluster.Url(apiVersion), resource);
        put.ShouldBeCloudError(HttpStatusCode.BadRequest, code, target, name);
        ((string?)error["message"]).Should().Be((string?)put.Body["error"]!["message"], "{0}: preflight and PUT give the same error", name);
    }

    [Fact]
    public async Task Preflight_SeveralInvalidResources_FailsWithMultipleErrorsEachWithItsTarget()
    {
        var cluster = ClusterRef.New();
        var bad1 = Resource(cluster.InGroup("rg", "one"), V20200430Version.Instance.Name);
        bad1.SelectToken("properties.networkProfile.podCidr")!.Replace("nonsense");
        var good = Resource(cluster.InGroup("rg", "two"), V20200430Version.Instance.Name);
        var bad2 = Resource(cluster.InGroup("rg", "three"), PreviewVersion.Instance.Name);
        bad2.Remove("location");

        var response = await PreflightAsync(cluster, bad1, good, bad2);

        var error = ShouldFail(response, "MultipleErrorsOccurred", target: null);
        var details = error["details"]!.Select(d => ((string?)d["code"], (string?)d["target"])).ToList();
        details.Should().Equal(("InvalidParameter", "resources[0].properties.networkProfile.podCidr"), ("InvalidParameter", "resources[2].location"));
    }

    [Fact]
    public async Task Preflight_ExistingCluster_IsValidatedAsAnUpdate()
    {
        var cluster = ClusterRef.New();
        var version = V20200430Version.Instance.Name;
        (await arm.PutAsync(cluster.Url(version), V20200430Version.Instance.CreateBody())).ShouldHaveStatus(HttpStatusCode.Created);
        await new SimulatedBackend(factory).EndOperationAsync(cluster);
        var changed = Resource(cluster, version);
        changed.SelectToken("properties.networkProfile.podCidr")!.Replace("10.0.0.0/14");
        var unchanged = Resource(cluster, version);
        var withoutSecret = Resource(cluster, version);
        withoutSecret.SelectToken("properties.clusterProfile.pullSecret")!.Parent!.Remove();
        var before = await StoreFingerprint.ReadAsync(factory);

        var immutable = await PreflightAsync(cluster, changed);
        var redeploy = await PreflightAsync(cluster, unchanged);
        var storedSecretKept = await PreflightAsync(cluster, withoutSecret);

        ShouldFail(immutable, "PropertyChangeNotAllowed", "resources[0].properties.networkProfile.podCidr");
        ShouldSucceed(redeploy);
        ShouldSucceed(storedSecretKept);
        (await StoreFingerprint.ReadAsync(factory)).Should().Be(before);
    }

    [Fact]
    public async Task Preflight_EachResourceInItsOwnApiVersion_ValidatesEachInItsVersion()
    {
        var cluster = ClusterRef.New();
        var ga = Resource(cluster.InGroup("rg", "ga"), V20200430Version.Instance.Name);
        var preview = Resource(cluster.InGroup("rg", "preview"), PreviewVersion.Instance.Name);

        // The same pull secret is valid in one version and not in the other: base64 in the preview, JSON text in 2020-04-30.
        preview.SelectToken("properties.pullSecret")!.Replace("{\"auths\":{}}");

        var response = await PreflightAsync(cluster, ga, preview);

        ShouldFail(response, "InvalidParameter", "resources[1].properties.pullSecret");
    }

    [Theory]
    [InlineData("another provider's type", "Microsoft.Network/virtualNetworks", "2020-04-30", "not validated")]
    [InlineData("an expression left", ClusterType, "2020-04-30", "[parameters('pullSecret')]")]
    public async Task Preflight_ResourceNotJudgedHere_IsSkipped(string name, string type, string apiVersion, string pullSecret)
    {
        var cluster = ClusterRef.New();
        var resource = Resource(cluster, apiVersion);
        resource["type"] = type;
        resource.SelectToken("properties.clusterProfile.pullSecret")!.Replace(pullSecret);
        resource.SelectToken("properties.networkProfile.podCidr")!.Replace("invalid");

        var response = await PreflightAsync(cluster, resource);

        ShouldSucceed(response, name);
    }

    [Fact]
    public async Task Preflight_TypeInAnyCase_IsValidated()
    {
        var cluster = ClusterRef.New();
        var resource = Resource(cluster, V20200430Version.Instance.Name);
        resource["type"] = ClusterType.ToUpperInvariant();
        resource.SelectToken("properties.networkProfile.podCidr")!.Replace("invalid");

        var response = await PreflightAsync(cluster, resource);

        ShouldFail(response, "InvalidParameter", "resources[0].properties.networkProfile.podCidr");
    }

    [Theory]
    [InlineData("unknown", "2099-01-01", "InvalidApiVersionParameter")]
    [InlineData("empty", "", "MissingApiVersionParameter")]
    [InlineData("missing", null, "MissingApiVersionParameter")]
    public async Task Preflight_ResourceApiVersionNotServed_Returns200Failed(string name, string? apiVersion, string code)
    {
        var cluster = ClusterRef.New();
        var resource = Resource(cluster, V20200430Version.Instance.Name);
        resource.Remove("apiVersion");
        if (apiVersion is not null)
        {
            resource["apiVersion"] = apiVersion;
        }

        var response = await PreflightAsync(cluster, resource);

        var error = ShouldFail(response, code, "resources[0].apiVersion", name);
        if (code == "InvalidApiVersionParameter")
        {
            ((string)error["message"]!).Should().Contain("2020-04-30").And.Contain("2019-12-31-preview", "the message lists what is served");
        }
    }

    [Fact]
    public async Task Preflight_NameFromTheIdOrTheName_IsCheckedAsThePutChecksIt()
    {
        var cluster = ClusterRef.New();
        var byName = Resource(cluster.InGroup("rg", "not a valid name!"), V20200430Version.Instance.Name);
        byName.Remove("id");
        var mismatch = Resource(cluster, V20200430Version.Instance.Name);
        mismatch["name"] = "other";

        var response = await PreflightAsync(cluster, byName, mismatch);

        var error = ShouldFail(response, "MultipleErrorsOccurred", target: null);
        error["details"]!.Select(d => ((string?)d["code"], (string?)d["target"])).Should().Equal(
            ("InvalidResourceName", "resources[0].name"),
            ("InvalidParameter", "resources[1].name"));
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Preflight_MalformedBody_Returns200FailedInvalidRequestContent(string name, string body)
    {
        var cluster = ClusterRef.New();
        var before = await StoreFingerprint.ReadAsync(factory);

        var response = await arm.SendAsync(HttpMethod.Post, PreflightUrl(cluster), new StringContent(body, Encoding.UTF8, "application/json"));

        var error = ShouldFail(response, name == "a resource without a type" ? "InvalidParameter" : "InvalidRequestContent", target: null, name, exactTarget: false);
        error.Should().NotBeNull();
        (await StoreFingerprint.ReadAsync(factory)).Should().Be(before, "{0}: nothing is written", name);
    }

    [Fact]
    public async Task Preflight_NotJsonOrNoApiVersion_Returns200Failed()
    {
        var cluster = ClusterRef.New();

        var text = await arm.SendAsync(HttpMethod.Post, PreflightUrl(cluster), new StringContent("resources", Encoding.UTF8, "text/plain"));
        var noApiVersion = await arm.SendAsync(HttpMethod.Post, PreflightUrl(cluster).Split('?')[0], Json(new JObject { ["resources"] = new JArray() }));
        var empty = await arm.SendAsync(HttpMethod.Post, PreflightUrl(cluster), content: null);

        ShouldFail(text, "UnsupportedMediaType", target: null);
        ShouldFail(noApiVersion, "MissingApiVersionParameter", target: null);
        ShouldFail(empty, "InvalidRequestContent", "resources");
    }

    [Fact]
    public async Task Preflight_NoResources_Succeeds()
    {
        ShouldSucceed(await PreflightAsync(ClusterRef.New()));
    }

    [Fact]
    public async Task Preflight_UnknownSubscriptionInDevelopment_SucceedsWithoutRegisteringIt()
    {
        var cluster = ClusterRef.New();
        var before = await StoreFingerprint.ReadAsync(factory);

        var response = await PreflightAsync(cluster, Resource(cluster, V20200430Version.Instance.Name));

        ShouldSucceed(response);
        (await StoreFingerprint.ReadAsync(factory)).Should().Be(before, "the subscription is not registered by a preflight");
        var subscriptions = factory.GetRequiredService<Rp.Database.ISubscriptions>();
        (await subscriptions.GetAsync(cluster.SubscriptionId)).Should().BeNull();
    }

    [Theory]
    [InlineData("Warned")]
    [InlineData("Suspended")]
    [InlineData("Deleted")]
    public async Task Preflight_SubscriptionThatRefusesWrites_Returns200FailedInvalidSubscriptionState(string state)
    {
        var cluster = ClusterRef.New();
        (await arm.PutSubscriptionAsync(cluster.SubscriptionId, state)).ShouldHaveStatus(HttpStatusCode.Created);

        var response = await PreflightAsync(cluster, Resource(cluster, V20200430Version.Instance.Name));

        ShouldFail(response, "InvalidSubscriptionState", target: null, state);
    }

    /// <summary>A cluster as ARM sends it in a preflight: the template's resource with its values resolved.</summary>
    private static JObject Resource(ClusterRef cluster, string apiVersion)
    {
        var body = apiVersion == PreviewVersion.Instance.Name ? PreviewVersion.Instance.CreateBody() : V20200430Version.Instance.CreateBody();
        var resource = new JObject
        {
            ["id"] = cluster.Id,
            ["name"] = cluster.Name,
            ["type"] = ClusterType,
            ["apiVersion"] = apiVersion,
            ["dependsOn"] = new JArray(),
        };
        resource.Merge(body);
        return resource;
    }

    private static string PreflightUrl(ClusterRef cluster) =>
        $"/subscriptions/{cluster.SubscriptionId}/resourceGroups/{cluster.ResourceGroup}/providers/Microsoft.Resources/deployments/deployment1/preflight?api-version=2020-06-01";

    private static StringContent Json(JToken body) => new(body.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");

    private static void ShouldSucceed(ArmResponse response, string? name = null)
    {
        response.ShouldHaveStatus(HttpStatusCode.OK, name);
        JToken.DeepEquals(response.Body, new JObject { ["status"] = "Succeeded" }).Should().BeTrue("{0}: {1}", name, response);
    }

    private static JObject ShouldFail(ArmResponse response, string code, string? target, string? name = null, bool exactTarget = true)
    {
        response.ShouldHaveStatus(HttpStatusCode.OK, name);
        response.Body.Properties().Select(p => p.Name).Should().Equal(["status", "error"], "{0}: {1}", name, response);
        ((string?)response.Body["status"]).Should().Be("Failed", "{0}: {1}", name, response);
        var error = (JObject)response.Body["error"]!;
        ((string?)error["code"]).Should().Be(code, "{0}: {1}", name, response);
        ((string?)error["message"]).Should().NotBeNullOrWhiteSpace();
        if (exactTarget)
        {
            ((string?)error["target"]).Should().Be(target, "{0}: {1}", name, response);
        }

        return error;
    }

    private Task<ArmResponse> PreflightAsync(ClusterRef cluster, params JObject[] resources) =>
        arm.SendAsync(HttpMethod.Post, PreflightUrl(cluster), Json(new JObject { ["resources"] = new JArray(resources) }));
}
