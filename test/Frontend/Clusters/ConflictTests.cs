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
            "PUT" => PutAsync(cluster),
            "PATCH tags" => PatchAsync(cluster, new JObject { ["tags"] = new JObject { ["a"] = "b" } }),
            "PATCH property" => PatchAsync(cluster, JObject.Parse("""{"properties":{"workerProfiles":[{"name":"worker","count":6}]}}""")),
            _ => PostAsync(cluster, "listCredentials"),
        });
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
