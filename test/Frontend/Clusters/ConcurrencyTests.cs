using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>If-Match / If-None-Match: every cell of the table in ARM-CONTRACT.md "Concurrency".</summary>
public abstract class ConcurrencyTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    private const string None = "";
    private const string Any = "*";

    /// <summary>The resource's etag when it exists; an etag it never had when it does not.</summary>
    private const string Current = "current";

    private const string Stale = "stale";

    /// <summary>Case, method, whether the resource exists, If-Match, If-None-Match, expected status.</summary>
    public static TheoryData<string, string, bool, string, string, int> Cells => new()
    {
        { "PUT, no If-Match, absent", "PUT", false, None, None, 201 },
        { "PUT, no If-Match, exists", "PUT", true, None, None, 200 },
        { "PUT, If-Match *, absent", "PUT", false, Any, None, 412 },
        { "PUT, If-Match *, exists", "PUT", true, Any, None, 200 },
        { "PUT, If-Match \"x\", absent", "PUT", false, Current, None, 412 },
        { "PUT, If-Match \"x\", exists", "PUT", true, Current, None, 200 },
        { "PUT, If-Match \"x\", exists, stale", "PUT", true, Stale, None, 412 },
        { "PUT, If-None-Match *, absent", "PUT", false, None, Any, 201 },
        { "PUT, If-None-Match *, exists", "PUT", true, None, Any, 412 },
        { "PATCH, no If-Match, absent", "PATCH", false, None, None, 404 },
        { "PATCH, If-Match *, absent", "PATCH", false, Any, None, 404 },
        { "PATCH, If-Match \"x\", absent", "PATCH", false, Current, None, 404 },
        { "PATCH, no If-Match, exists", "PATCH", true, None, None, 200 },
        { "PATCH, If-Match *, exists", "PATCH", true, Any, None, 200 },
        { "PATCH, If-Match \"x\", exists", "PATCH", true, Current, None, 200 },
        { "PATCH, If-Match \"x\", exists, stale", "PATCH", true, Stale, None, 412 },
        { "DELETE, no If-Match, absent", "DELETE", false, None, None, 204 },
        { "DELETE, If-Match *, absent", "DELETE", false, Any, None, 204 },
        { "DELETE, If-Match \"x\", absent", "DELETE", false, Current, None, 204 },
        { "DELETE, no If-Match, exists", "DELETE", true, None, None, 202 },
        { "DELETE, If-Match *, exists", "DELETE", true, Any, None, 202 },
        { "DELETE, If-Match \"x\", exists", "DELETE", true, Current, None, 202 },
        { "DELETE, If-Match \"x\", exists, stale", "DELETE", true, Stale, None, 412 },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Request_WithPrecondition_AnswersAsTheContractTableSays(string name, string method, bool exists, string ifMatch, string ifNoneMatch, int expected)
    {
        var cluster = ClusterRef.New();
        var etag = exists ? (await CreateSucceededAsync(cluster)).Header("ETag")! : "\"0123456789abcdef0123456789abcdef\"";
        var headers = new List<(string Name, string Value)>();
        if (ifMatch != None)
        {
            headers.Add(("If-Match", Value(ifMatch, etag)));
        }

        if (ifNoneMatch != None)
        {
            headers.Add(("If-None-Match", Value(ifNoneMatch, etag)));
        }

        var response = method switch
        {
            "PUT" => await PutAsync(cluster, null, [.. headers]),
            "PATCH" => await PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["patched"] = "yes" } }, [.. headers]),
            _ => await DeleteAsync(cluster, [.. headers]),
        };

        ((int)response.StatusCode).Should().Be(expected, "{0}: {1}", name, response);
        if (expected == 412)
        {
            response.ShouldBeCloudError(HttpStatusCode.PreconditionFailed, "PreconditionFailed");
            var after = await GetAsync(cluster);
            after.StatusCode.Should().Be(exists ? HttpStatusCode.OK : HttpStatusCode.NotFound, "a failed precondition changes nothing");
            if (exists)
            {
                after.Header("ETag").Should().Be(etag, "a failed precondition changes nothing");
            }
        }
    }

    [Fact]
    public async Task Put_IfMatchListContainingTheEtag_Returns200()
    {
        var cluster = ClusterRef.New();
        var etag = (await CreateSucceededAsync(cluster)).Header("ETag")!;

        var put = await PutAsync(cluster, null, ("If-Match", $"\"other\", {etag}"));

        put.ShouldHaveStatus(HttpStatusCode.OK);
    }

    private static string Value(string kind, string etag) => kind switch
    {
        Any => "*",
        Current => etag,
        _ => "\"00000000000000000000000000000000\"",
    };
}
