using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Admin;

/// <summary>
/// The admin actions against a working backend (frontend, forwarder and backend in one process;
/// updates hang until canceled): a cancel stops the worker driving the operation, a retry hands
/// the cluster to a worker again.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AdminPipelineTests(PipelineFactory factory) : ClusterTestBase(factory, ApiVersionCases.Of("2020-04-30"))
{
    [Fact]
    public async Task CancelThenRetry_HangingUpdate_TheWorkerStopsThenTakesTheRetriedOperation()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        (await WaitForOperationAsync(put.Header("Azure-AsyncOperation")!))["status"]!.ToString().Should().Be("Succeeded");
        var patch = await PatchAsync(cluster, JObject.Parse("""{"properties":{"workerProfiles":[{"name":"worker","count":4}]}}"""));
        patch.ShouldHaveStatus(HttpStatusCode.Accepted);
        var driven = await LeasedAsync(cluster);

        var cancel = await Arm.PostAsync(AdminUrl(cluster, "/cancel"));
        var update = await WaitForOperationAsync(patch.Header("Azure-AsyncOperation")!);
        var settled = await Eventually.UntilAsync(() => Arm.GetAsync(AdminUrl(cluster)), r => r.Body["lease"]!.Type == JTokenType.Null, "the worker to let the canceled cluster go");

        cancel.ShouldHaveStatus(HttpStatusCode.OK);
        ((int?)driven.Body["dequeueCount"]).Should().Be(1, "the worker recorded the delivery it took the lease for");
        ((string?)update["status"]).Should().Be("Canceled");
        ((string?)update.SelectToken("error.message")).Should().Contain("administrator");
        ((string?)settled.Body["provisioningState"]).Should().Be("Canceled");
        ((JArray)settled.Body.SelectToken("document.canceledAsyncOperationIds")!).Should().BeNullOrEmpty("the worker recorded the cancellation");

        var retry = await Arm.PostAsync(AdminUrl(cluster, "/retry"));
        var retried = await LeasedAsync(cluster);

        retry.ShouldHaveStatus(HttpStatusCode.Accepted);
        ((string?)retry.Body.SelectToken("operation.status")).Should().Be("Updating");
        ((string?)retried.Body["asyncOperationId"]).Should().Be((string?)retry.Body["asyncOperationId"], "a worker drives the retried operation");
        (await GetAsync(cluster)).ProvisioningState().Should().Be("Updating");

        // Leave nothing hanging for the tests that share the host.
        (await Arm.PostAsync(AdminUrl(cluster, "/cancel"))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    private static string AdminUrl(ClusterRef cluster, string action = "") => $"/admin{cluster.Id}{action}?api-version=admin";

    private Task<ArmResponse> LeasedAsync(ClusterRef cluster) => Eventually.UntilAsync(
        () => Arm.GetAsync(AdminUrl(cluster)),
        r => (bool?)r.Body.SelectToken("lease.live") == true && (string?)r.Body["provisioningState"] == "Updating",
        "a worker to take the update's lease");
}
