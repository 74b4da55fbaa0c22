using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>While an operation runs, PUT, PATCH and POST actions are refused with 409 (DELETE is accepted: see the delete tests).</summary>
public abstract class ConflictTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    /// <summary>Case, the running operation, the refused request.</summary>
    public static TheoryData<string, string, string> Requests
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var state in new[] { "Creating", "Updating", "Deleting" })
            {
                foreach (var request in new[] { "PUT", "PATCH tags", "PATCH property", "POST listCredentials" })
                {
                    data.Add($"{request} while {state}", state, request);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_DuringOperation_Returns409AnotherOperationInProgress(string name, string state, string request)
    {
        await ShouldConflictAsync(name, state, cluster => request switch
        {
            "PUT" => PutAsync(cluster, WithTag(Version.CreateBody(), "changed", "by a second PUT")),
            "PATCH tags" => PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["a"] = "b" } }),
            "PATCH property" => PatchAsync(cluster, JObject.Parse("""{"properties":{"workerProfiles":[{"name":"worker","count":6}]}}""")),
            _ => PostAsync(cluster, "listCredentials"),
        });
    }

    [Fact]
    public async Task Put_RepeatedWhileItsCreateRuns_AnswersAsTheFirstTimeWithTheSameOperation()
    {
        var cluster = ClusterRef.New();
        var first = await PutAsync(cluster);
        first.ShouldHaveStatus(HttpStatusCode.Created);

        var repeat = await PutAsync(cluster);

        repeat.ShouldHaveStatus(HttpStatusCode.Created);
        repeat.Header("Azure-AsyncOperation").Should().Be(first.Header("Azure-AsyncOperation"));
        repeat.ProvisioningState().Should().Be("Creating");
    }

    [Fact]
    public async Task Put_SameBodyButAnotherPullSecretWhileCreateRuns_Returns409()
    {
        var cluster = ClusterRef.New();
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        var body = Version.CreateBody();
        var path = Version.PullSecretPath;
        var token = body.SelectToken(path)!;
        token.Replace(Version.Name == "2019-12-31-preview"
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("""{"auths":{"other.example.com":{"auth":"b3RoZXI="}}}"""))
            : """{"auths":{"other.example.com":{"auth":"b3RoZXI="}}}""");

        (await PutAsync(cluster, body)).ShouldBeCloudError(HttpStatusCode.Conflict, "AnotherOperationInProgress");
    }

    private static JObject WithTag(JObject body, string key, string value)
    {
        ((JObject)(body["tags"] ??= new JObject()))[key] = value;
        return body;
    }

    /// <summary>Starts an operation that leaves the cluster <paramref name="state"/>, sends the request and checks it changed nothing.</summary>
    protected async Task ShouldConflictAsync(string name, string state, Func<ClusterRef, Task<ArmResponse>> request)
    {
        var cluster = ClusterRef.New();
        if (state == "Creating")
        {
            await PutAsync(cluster);
        }
        else
        {
            await CreateSucceededAsync(cluster);
            var started = state == "Updating"
                ? await PatchAsync(cluster, JObject.Parse("""{"properties":{"workerProfiles":[{"name":"worker","count":4}]}}"""))
                : await DeleteAsync(cluster);
            started.ShouldHaveStatus(HttpStatusCode.Accepted);
        }

        var before = await GetAsync(cluster);
        before.ProvisioningState().Should().Be(state);

        var response = await request(cluster);

        response.ShouldBeCloudError(HttpStatusCode.Conflict, "AnotherOperationInProgress");
        var after = await GetAsync(cluster);
        after.Header("ETag").Should().Be(before.Header("ETag"), "a refused {0} changes nothing", name);
    }
}
