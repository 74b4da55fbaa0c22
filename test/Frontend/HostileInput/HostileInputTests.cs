using System.Net;
using System.Text;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.HostileInput;

/// <summary>
/// Requests ARM would never send, over real HTTP: each is refused with a 4xx CloudError and
/// changes nothing (no document, operation, subscription or queue message: the stores are
/// compared row by row before and after). Grouped by the defect each once slipped through.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class HostileInputTests(KestrelFactory factory) : IDisposable
{
    private const string Subscription = "subscriptionId";
    private static readonly ApiVersionCase Version = V20200430Version.Instance;

    private readonly ArmClient arm = factory.CreateKestrelClient();

    /// <summary>Case, location, code.</summary>
    public static TheoryData<string, string, string> HostileLocations => new()
    {
        { "non-ASCII letter", "eastüs", "InvalidParameter" },
        { "CR LF", "east\r\nus", "InvalidParameter" },
        { "NUL", "east\u0000us", "InvalidParameter" },
        { "path segments", "east/../../us", "InvalidParameter" },
        { "Kelvin sign that lower-cases to k", "\u212Aoreacentral", "InvalidParameter" },
        { "too long", new string('a', 65), "InvalidParameter" },
        { "well-formed but not served", "marsnorth", "LocationNotAvailableForResourceType" },
    };

    /// <summary>Case, the subscription segment as sent in the URL.</summary>
    public static TheoryData<string, string> HostileSubscriptionIds => new()
    {
        { "not hexadecimal", "00000000-0000-0000-0000-0000000000v2" },
        { "trailing newline", "00000000-0000-0000-0000-000000000000%0A" },
        { "leading space", "%2000000000-0000-0000-0000-000000000000" },
        { "non-ASCII", "0000000ä-0000-0000-0000-000000000000" },
        { "no dashes", "00000000000000000000000000000000" },
        { "braces", "%7B00000000-0000-0000-0000-000000000000%7D" },
        { "not a GUID", "mysubscription" },
    };

    /// <summary>Case, method, path after the subscription id (with query).</summary>
    public static TheoryData<string, string, string> SubscriptionRoutes => new()
    {
        { "PUT a cluster", "PUT", "/resourceGroups/rg/providers/RedHat.OpenShift/OpenShiftClusters/c1?api-version=2020-04-30" },
        { "GET a cluster", "GET", "/resourceGroups/rg/providers/RedHat.OpenShift/OpenShiftClusters/c1?api-version=2020-04-30" },
        { "DELETE a cluster", "DELETE", "/resourceGroups/rg/providers/RedHat.OpenShift/OpenShiftClusters/c1?api-version=2020-04-30" },
        { "list a resource group", "GET", "/resourceGroups/rg/providers/RedHat.OpenShift/OpenShiftClusters?api-version=2020-04-30" },
        { "list the subscription", "GET", "/providers/RedHat.OpenShift/OpenShiftClusters?api-version=2020-04-30" },
        { "credentials", "POST", "/resourceGroups/rg/providers/RedHat.OpenShift/OpenShiftClusters/c1/listCredentials?api-version=2020-04-30" },
        { "operation status", "GET", $"/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{Guid.Empty}?api-version=2020-04-30" },
        { "subscription notification", "PUT", "?api-version=2.0" },
    };

    /// <summary>Case, change to a valid create, code, target.</summary>
    public static TheoryData<string, Func<ClusterRef, (ClusterRef, JObject)>, string, string> TrailingNewlines => new()
    {
        { "cluster name", c => (c with { Name = "c1\n" }, Version.CreateBody()), "InvalidResourceName", "name" },
        { "resource group name", c => (c with { ResourceGroup = "rg\n" }, Version.CreateBody()), "InvalidParameter", "resourceGroupName" },
        { "clusterProfile.resourceGroupId", c => (c, Version.CreateBody().With("properties.clusterProfile.resourceGroupId", $"/subscriptions/{c.SubscriptionId}/resourceGroups/managed\n")), "InvalidParameter", "properties.clusterProfile.resourceGroupId" },
        { "worker profile name", c => (c, Version.CreateBody().With("properties.workerProfiles[0].name", "worker\n")), "InvalidParameter", "properties.workerProfiles[0].name" },
        { "service principal client id", c => (c, Version.CreateBody().With("properties.servicePrincipalProfile.clientId", "11111111-1111-1111-1111-111111111111\n")), "InvalidParameter", "properties.servicePrincipalProfile.clientId" },
    };

    /// <summary>Case, raw body.</summary>
    public static TheoryData<string, byte[]> InvalidUtf8Bodies => new()
    {
        { "0xFF in a tag value", Utf8Body("\"tags\":{\"env\":\"a\u0001b\"}", "\u0001", [0xFF]) },
        { "overlong encoding of '/'", Utf8Body("\"tags\":{\"env\":\"a\u0001b\"}", "\u0001", [0xC0, 0xAF]) },
        { "truncated sequence", Utf8Body("\"tags\":{\"env\":\"a\u0001b\"}", "\u0001", [0xE2, 0x82]) },
        { "encoded surrogate", Utf8Body("\"tags\":{\"env\":\"a\u0001b\"}", "\u0001", [0xED, 0xA0, 0x80]) },
        { "escaped lone surrogate", Utf8Body("\"tags\":{\"env\":\"a\\ud800b\"}", "", []) },
    };

    /// <summary>Case, the members to put first in a valid create body, target.</summary>
    public static TheoryData<string, string, string> DuplicateKeys => new()
    {
        { "location twice", "\"location\":\"westus\",", "location" },
        { "location in another case", "\"Location\":\"westus\",", "location" },
        { "properties in another case", "\"PROPERTIES\":{},", "properties" },
        { "nested, in another case", "\"tags\":{\"env\":\"a\",\"Env\":\"b\"},", "tags.Env" },
    };

    /// <summary>Case, target, extra header lines, status, code.</summary>
    public static TheoryData<string, string, byte[][], HttpStatusCode, string> ServerRefusals => new()
    {
        { "URL of 16 KB", $"/providers/RedHat.OpenShift/operations?api-version=2020-04-30&x={new string('a', 16 * 1024)}", [], HttpStatusCode.RequestUriTooLong, "RequestUriTooLong" },
        { "header of 40 KB", "/providers/RedHat.OpenShift/operations?api-version=2020-04-30", [Encoding.ASCII.GetBytes($"x-padding: {new string('a', 40 * 1024)}")], HttpStatusCode.RequestHeaderFieldsTooLarge, "RequestHeaderFieldsTooLarge" },
        { "too many headers", "/providers/RedHat.OpenShift/operations?api-version=2020-04-30", [.. Enumerable.Range(0, 120).Select(i => Encoding.ASCII.GetBytes($"x-h{i}: v"))], HttpStatusCode.RequestHeaderFieldsTooLarge, "RequestHeaderFieldsTooLarge" },
        { "NUL in the path", $"/subscriptions/{Guid.Empty}/resourceGroups/rg%00/providers/RedHat.OpenShift/OpenShiftClusters/c1?api-version=2020-04-30", [], HttpStatusCode.BadRequest, "BadRequest" },
        { "header bytes that are not UTF-8", "/providers/RedHat.OpenShift/operations?api-version=2020-04-30", [[.. "x-ms-client-request-id: a"u8, 0xFF, 0xFE, (byte)'b']], HttpStatusCode.BadRequest, "BadRequest" },
        { "a header line without a colon", "/providers/RedHat.OpenShift/operations?api-version=2020-04-30", ["x-no-colon"u8.ToArray()], HttpStatusCode.BadRequest, "BadRequest" },
    };

    public void Dispose() => arm.Dispose();

    // 1. Request text copied unchecked into Azure-AsyncOperation / Location after the write.
    [Theory]
    [MemberData(nameof(HostileLocations))]
    public async Task Put_HostileLocation_Returns400AndChangesNothing(string name, string location, string code)
    {
        var cluster = ClusterRef.New();

        var response = await RefusedAsync(() => arm.PutAsync(cluster.Url(Version.Name), Version.CreateBody().With("location", location)));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, code, "location", name);
    }

    [Fact]
    public async Task Put_NonAsciiRefererHost_PointsAsyncUrlsAtItsAsciiForm()
    {
        var cluster = ClusterRef.New();

        var put = await arm.PutAsync(cluster.Url(Version.Name), Version.CreateBody(), ("Referer", $"https://ärm.example{cluster.Url(Version.Name)}"));

        put.ShouldHaveStatus(HttpStatusCode.Created);
        put.Header("Azure-AsyncOperation").Should().StartWith($"https://xn--rm-uia.example/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/");
    }

    [Theory]
    [InlineData("a Referer that is no URL", "not a url")]
    [InlineData("a Referer of another scheme", "ftp://arm.example/x")]
    public async Task Put_UnusableReferer_PointsAsyncUrlsAtTheRequestHost(string name, string referer)
    {
        var put = await arm.PutAsync(ClusterRef.New().Url(Version.Name), Version.CreateBody(), ("Referer", referer));

        put.ShouldHaveStatus(HttpStatusCode.Created, name);
        put.Header("Azure-AsyncOperation").Should().StartWith($"{factory.BaseAddress.GetLeftPart(UriPartial.Authority)}/subscriptions/", name);
    }

    // 2. A control character in x-ms-client-request-id gave a 500 with an empty body when echoed.
    [Theory]
    [InlineData("echo asked", "x-ms-client-request-id", "true")]
    [InlineData("echo not asked", "x-ms-client-request-id", "false")]
    [InlineData("correlation id", "x-ms-correlation-request-id", "true")]
    public async Task Put_ControlCharacterInRequestId_Returns400AndChangesNothing(string name, string header, string echo)
    {
        var response = await RefusedAsync(() => arm.PutAsync(
            ClusterRef.New().Url(Version.Name),
            Version.CreateBody(),
            (header, "abc\u0001def"),
            ("x-ms-return-client-request-id", echo)));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", header, name);
        response.Header("x-ms-client-request-id").Should().BeNull("a refused id is not echoed");
    }

    [Fact]
    public async Task Put_RequestIdOverTheLimit_Returns400()
    {
        var response = await RefusedAsync(() => arm.PutAsync(ClusterRef.New().Url(Version.Name), Version.CreateBody(), ("x-ms-client-request-id", new string('a', 1025))));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "x-ms-client-request-id");
    }

    // 3. Subscription ids were not checked on cluster routes; 4. nor spelled one way by the notification.
    [Theory]
    [MemberData(nameof(HostileSubscriptionIds))]
    public async Task EveryRoute_SubscriptionIdNotADashedGuid_Returns400InvalidSubscriptionId(string name, string subscriptionId)
    {
        foreach (var (route, method, rest) in SubscriptionRoutes.Select(r => ((string)r[0], (string)r[1], (string)r[2])))
        {
            var url = $"/subscriptions/{subscriptionId}{rest}";
            var body = method == "PUT" ? (rest.Contains("2.0", StringComparison.Ordinal) ? Subscriptions.Body("Registered") : Version.CreateBody()) : null;

            var response = await RefusedAsync(() => body is null ? arm.SendAsync(new HttpMethod(method), url, null) : arm.PutAsync(url, body));

            response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidSubscriptionId", Subscription, $"{name}, {route}");
        }
    }

    [Fact]
    public async Task SubscriptionNotification_UpperCaseSpelling_IsTheSameSubscription()
    {
        var subscription = ClusterRef.NewSubscriptionId();

        var first = await arm.PutSubscriptionAsync(subscription, "Registered");
        var upper = await arm.PutSubscriptionAsync(subscription.ToUpperInvariant(), "Warned");

        first.ShouldHaveStatus(HttpStatusCode.Created);
        upper.ShouldHaveStatus(HttpStatusCode.OK, "one subscription, however its hexadecimal digits are cased");
        var refused = await arm.PutAsync(new ClusterRef(subscription, "rg", "c1").Url(Version.Name), Version.CreateBody());
        refused.ShouldBeCloudError(HttpStatusCode.Conflict, "InvalidSubscriptionState");
    }

    // 5. A trailing newline passed the name patterns ($ matches before a final \n in .NET).
    [Theory]
    [MemberData(nameof(TrailingNewlines))]
    public async Task Put_TrailingNewline_Returns400AndChangesNothing(string name, Func<ClusterRef, (ClusterRef, JObject)> change, string code, string target)
    {
        var (cluster, body) = change(ClusterRef.New());
        var url = $"/subscriptions/{cluster.SubscriptionId}/resourceGroups/{Uri.EscapeDataString(cluster.ResourceGroup)}/providers/RedHat.OpenShift/OpenShiftClusters/{Uri.EscapeDataString(cluster.Name)}?api-version={Version.Name}";

        var response = await RefusedAsync(() => arm.PutAsync(url, body));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, code, target, name);
    }

    // 6. A refused write still registered its unknown subscription (development mode).
    [Theory]
    [InlineData("invalid body", "properties.workerProfiles[0].count", "1")]
    [InlineData("unserved location", "location", "marsnorth")]
    public async Task Put_RefusedOnUnknownSubscription_RegistersNothing(string name, string path, string value)
    {
        var cluster = ClusterRef.New();

        var response = await RefusedAsync(() => arm.PutAsync(cluster.Url(Version.Name), Version.CreateBody().With(path, value)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, name);
        (await arm.GetAsync($"{cluster.SubscriptionList}?api-version={Version.Name}")).Text.Should().Be("""{"value":[]}""");
    }

    // 7. Invalid UTF-8 was accepted and replaced with U+FFFD.
    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task Put_InvalidUtf8_Returns400InvalidRequestContent(string name, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await RefusedAsync(() => arm.SendAsync(HttpMethod.Put, ClusterRef.New().Url(Version.Name), content));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidRequestContent", testCase: name);
    }

    // 8. Duplicate keys were accepted, the last one winning, also when only their case differed.
    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public async Task Put_DuplicateKeys_Returns400InvalidRequestContent(string name, string first, string target)
    {
        var body = "{" + first + Version.CreateBody().ToString(Newtonsoft.Json.Formatting.None)[1..];

        var response = await RefusedAsync(() => arm.SendAsync(HttpMethod.Put, ClusterRef.New().Url(Version.Name), new StringContent(body, Encoding.UTF8, "application/json")));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidRequestContent", target, name);
    }

    // 10. Errors Kestrel raises itself had no body.
    [Theory]
    [MemberData(nameof(ServerRefusals))]
    public async Task Server_RefusedBeforeTheApplication_AnswersCloudError(string name, string target, byte[][] headers, HttpStatusCode status, string code)
    {
        var response = await RefusedAsync(() => RawHttp.SendAsync(factory.BaseAddress, "GET", target, headers));

        response.ShouldBeCloudError(status, code, testCase: name);
        response.Header("Content-Type").Should().StartWith("application/json");
    }

    [Fact]
    public async Task Server_RefusalAfterAnAnsweredRequestOnOneConnection_AnswersCloudError()
    {
        // The first request is the application's; the second, on the same connection, is Kestrel's own refusal.
        var first = "GET /providers/RedHat.OpenShift/operations?api-version=2020-04-30 HTTP/1.1\r\nHost: x\r\n\r\n";
        var second = $"GET /providers/RedHat.OpenShift/operations?api-version=2020-04-30&x={new string('a', 16 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n";

        var responses = await RawHttp.SendPipelinedAsync(factory.BaseAddress, Encoding.ASCII.GetBytes(first + second));

        responses.Should().HaveCount(2);
        responses[0].ShouldHaveStatus(HttpStatusCode.OK);
        responses[1].ShouldBeCloudError(HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
    }

    private static byte[] Utf8Body(string tags, string marker, byte[] replacement)
    {
        var text = "{" + tags + "," + Version.CreateBody().With("tags", null).ToString(Newtonsoft.Json.Formatting.None)[1..];
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        if (marker.Length > 0)
        {
            var at = bytes.IndexOf((byte)marker[0]);
            bytes.RemoveAt(at);
            bytes.InsertRange(at, replacement);
        }

        return [.. bytes];
    }

    /// <summary>Sends the request and checks that the stores hold exactly what they held before.</summary>
    private async Task<ArmResponse> RefusedAsync(Func<Task<ArmResponse>> send)
    {
        var before = await StoreSnapshot.TakeAsync(factory.DataDir);
        var response = await send();
        var after = await StoreSnapshot.TakeAsync(factory.DataDir);
        after.Should().Be(before, "a refused request changes nothing: {0}", response);
        ((int)response.StatusCode).Should().BeInRange(400, 499, "{0}", response);
        return response;
    }
}
