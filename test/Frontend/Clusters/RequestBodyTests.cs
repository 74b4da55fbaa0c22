using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>What every body must be before a handler sees it: JSON (415), bounded (413) and well-formed (400).</summary>
public abstract class RequestBodyTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    public static TheoryData<string, string, string?> WrongContentTypes => new()
    {
        { "text/plain", "PUT", "text/plain" },
        { "application/xml", "PUT", "application/xml" },
        { "no content type", "PUT", null },
        { "json look-alike", "PUT", "application/jsonp" },
        { "PATCH with text/plain", "PATCH", "text/plain" },
    };

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "truncated", """{"location":"eastus" """ },
        { "missing value", """{"location":}""" },
        { "trailing text", """{"location":"eastus"} x""" },
        { "single quotes", "{'location':'eastus'}" },
        { "unquoted name", """{location:"eastus"}""" },
        { "comment", """{/* c */"location":"eastus"}""" },
        { "trailing comma", """{"location":"eastus",}""" },
        { "an array", "[1,2]" },
        { "a string", "\"cluster\"" },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(WrongContentTypes))]
    public async Task Request_WrongContentType_Returns415(string name, string method, string? contentType)
    {
        var cluster = ClusterRef.New();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Version.CreateBody().ToString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        var response = await Arm.SendAsync(new HttpMethod(method), cluster.Url(Version.Name), content);

        response.ShouldBeCloudError(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        (await GetAsync(cluster)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a body refused for its {0} creates nothing", name);
    }

    [Fact]
    public async Task Put_JsonWithCharset_IsAccepted()
    {
        var content = new StringContent(Version.CreateBody().ToString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("Application/JSON; charset=utf-8");

        var response = await Arm.SendAsync(HttpMethod.Put, ClusterRef.New().Url(Version.Name), content);

        response.ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Put_MalformedJson_Returns400InvalidRequestContent(string name, string body)
    {
        var cluster = ClusterRef.New();

        var response = await Arm.SendAsync(HttpMethod.Put, cluster.Url(Version.Name), new StringContent(body, Encoding.UTF8, "application/json"));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidRequestContent");
        (await GetAsync(cluster)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a {0} body creates nothing", name);
    }

    [Fact]
    public async Task Put_EmptyBody_Returns400InvalidRequestContent()
    {
        var response = await Arm.SendAsync(HttpMethod.Put, ClusterRef.New().Url(Version.Name), new StringContent("", Encoding.UTF8, "application/json"));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidRequestContent");
    }

    [Fact]
    public async Task Put_BodyOverTheLimit_Returns413()
    {
        var cluster = ClusterRef.New();
        var body = Version.CreateBody().With("tags", new JObject { ["padding"] = new string('x', RpFactory.MaxRequestBodyBytes) });

        var put = await PutAsync(cluster, body);

        put.ShouldBeCloudError(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
        (await GetAsync(cluster)).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_BodyOverTheLimitWithoutContentLength_Returns413()
    {
        var cluster = ClusterRef.New();
        var bytes = Encoding.UTF8.GetBytes(Version.CreateBody().With("tags", new JObject { ["padding"] = new string('x', RpFactory.MaxRequestBodyBytes) }).ToString());
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var put = await Arm.SendAsync(HttpMethod.Put, cluster.Url(Version.Name), content, ("Transfer-Encoding", "chunked"));

        put.ShouldBeCloudError(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
    }

    [Fact]
    public async Task Put_DeeplyNestedJson_Returns400InvalidRequestContent()
    {
        var body = Version.CreateBody().ToString()[..^1] + ", \"deep\": " + new string('[', 200) + new string(']', 200) + "}";

        var response = await Arm.SendAsync(HttpMethod.Put, ClusterRef.New().Url(Version.Name), new StringContent(body, Encoding.UTF8, "application/json"));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidRequestContent");
    }
}
