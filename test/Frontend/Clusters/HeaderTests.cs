using System.Globalization;
using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>ARM's request and response headers: request ids, the Referer host, ARM's system data.</summary>
public abstract class HeaderTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    private const string ArmHost = "https://arm.contoso.example";

    private const string SystemDataHeader = "x-ms-arm-resource-system-data";

    /// <summary>Case, x-ms-return-client-request-id (null: not sent), whether the client's id comes back.</summary>
    public static TheoryData<string, string?, bool> ClientRequestIds => new()
    {
        { "not asked to return it", null, false },
        { "asked with true", "true", true },
        { "asked with TRUE", "TRUE", true },
        { "asked with false", "false", false },
    };

    [Theory]
    [MemberData(nameof(ClientRequestIds))]
    public async Task ClientRequestId_EchoedOnlyWhenAsked(string name, string? returnIt, bool echoed)
    {
        var clientRequestId = Guid.NewGuid().ToString();
        var headers = new List<(string, string)> { ("x-ms-client-request-id", clientRequestId) };
        if (returnIt is not null)
        {
            headers.Add(("x-ms-return-client-request-id", returnIt));
        }

        var created = await PutAsync(ClusterRef.New(), null, [.. headers]);
        var missing = await GetAsync(ClusterRef.New(), [.. headers]);

        foreach (var response in new[] { created, missing })
        {
            response.Header("x-ms-client-request-id").Should().Be(echoed ? clientRequestId : null, "{0}: {1}", name, response);
            response.Header("x-ms-request-id").Should().NotBe(clientRequestId, "the RP's own request id is new");
        }
    }

    [Fact]
    public async Task RequestId_IsNewOnEveryResponse()
    {
        var cluster = ClusterRef.New();

        var ids = new List<string>();
        foreach (var response in new[] { await PutAsync(cluster), await GetAsync(cluster), await GetAsync(cluster), await GetAsync(ClusterRef.New()) })
        {
            ids.Add(response.Header("x-ms-request-id")!);
        }

        ids.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Referer_HostIsUsedInAsyncOperationUrls()
    {
        var cluster = ClusterRef.New();
        var referer = ("Referer", $"{ArmHost}{cluster.Url(Version.Name)}");

        var put = await PutAsync(cluster, null, referer);
        var running = await Arm.GetAsync(OperationResultsUrl(put.Header("Azure-AsyncOperation")!), referer);
        await Backend.EndOperationAsync(cluster);
        var delete = await DeleteAsync(cluster, referer);

        put.Header("Azure-AsyncOperation").Should().StartWith($"{ArmHost}/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/");
        running.Header("Location").Should().StartWith($"{ArmHost}/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationResults/");
        delete.Header("Azure-AsyncOperation").Should().StartWith($"{ArmHost}/subscriptions/");
        delete.Header("Location").Should().StartWith($"{ArmHost}/subscriptions/");
    }

    [Fact]
    public async Task Referer_HostIsUsedInNextLink()
    {
        var cluster = ClusterRef.New();
        await PutAsync(cluster.InGroup("rg", "one"));
        await PutAsync(cluster.InGroup("rg", "two"));

        var page = await Arm.GetAsync($"{cluster.ResourceGroupList}?api-version={Version.Name}&$top=1", ("Referer", $"{ArmHost}{cluster.ResourceGroupList}"));

        ((string?)page.Body["nextLink"]).Should().StartWith($"{ArmHost}{cluster.ResourceGroupList}?");
    }

    [Fact]
    public async Task SystemData_IsPersistedAndReturnedAsSystemData()
    {
        var cluster = ClusterRef.New();
        var created = SystemData("alice@example.com", "2024-01-02T03:04:05Z", "alice@example.com", "2024-01-02T03:04:05Z");
        var put = await PutAsync(cluster, null, (SystemDataHeader, created.ToString(Newtonsoft.Json.Formatting.None)));
        await Backend.EndOperationAsync(cluster);
        var modified = SystemData("bob@example.com", "2024-03-04T05:06:07Z", "bob@example.com", "2024-03-04T05:06:07Z");

        // A replace that changes something: one that changes nothing modifies nothing (see RedeployTests).
        var replace = await PutAsync(cluster, Version.CreateBody().With("tags.env", "replaced"), (SystemDataHeader, modified.ToString(Newtonsoft.Json.Formatting.None)));
        var get = await GetAsync(cluster);
        var list = await ListAsync(cluster.ResourceGroupList);

        ShouldMatch(put.Body["systemData"], created);
        var expected = SystemData("alice@example.com", "2024-01-02T03:04:05Z", "bob@example.com", "2024-03-04T05:06:07Z");
        ShouldMatch(replace.Body["systemData"], expected);
        ShouldMatch(get.Body["systemData"], expected);
        ShouldMatch(list.Body["value"]![0]!["systemData"], expected);
    }

    [Fact]
    public async Task SystemData_MalformedHeader_Returns400()
    {
        var put = await PutAsync(ClusterRef.New(), null, (SystemDataHeader, "{not json"));

        put.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", SystemDataHeader);
    }

    private static JObject SystemData(string createdBy, string createdAt, string lastModifiedBy, string lastModifiedAt) => new()
    {
        ["createdBy"] = createdBy,
        ["createdByType"] = "User",
        ["createdAt"] = createdAt,
        ["lastModifiedBy"] = lastModifiedBy,
        ["lastModifiedByType"] = "User",
        ["lastModifiedAt"] = lastModifiedAt,
    };

    /// <summary>Same people and types, same instants (however the offset is written).</summary>
    private static void ShouldMatch(JToken? actual, JObject expected)
    {
        actual.Should().NotBeNull();
        foreach (var (name, value) in expected)
        {
            var actualValue = (string?)actual![name];
            if (name.EndsWith("At", StringComparison.Ordinal))
            {
                DateTimeOffset.Parse(actualValue!, CultureInfo.InvariantCulture).Should().Be(DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture), name);
            }
            else
            {
                actualValue.Should().Be((string?)value, name);
            }
        }
    }
}
