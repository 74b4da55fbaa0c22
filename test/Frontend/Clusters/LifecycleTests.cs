using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>
/// The whole pipeline (frontend, forwarder, backend) in one process: operations really run to
/// their end. Updates hang (see <see cref="PipelineFactory"/>), which holds an operation open.
/// </summary>
public abstract class LifecycleTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task Lifecycle_CreateSucceedsCredentialsDeleteEndsNotFound()
    {
        var cluster = ClusterRef.New();

        var put = await PutAsync(cluster);
        put.ShouldHaveStatus(HttpStatusCode.Created);
        var create = await WaitForOperationAsync(put.Header("Azure-AsyncOperation")!);
        ((string?)create["status"]).Should().Be("Succeeded");
        create["endTime"].Should().NotBeNull();
        create["error"].Should().BeNull();

        var get = await GetAsync(cluster);
        get.ProvisioningState().Should().Be("Succeeded");
        var result = await Arm.GetAsync(OperationResultsUrl(put.Header("Azure-AsyncOperation")!));
        result.ShouldHaveStatus(HttpStatusCode.OK);
        result.Body.ShouldDeepEqual(get.Body, "operationResults of a finished PUT is the resource");

        var credentials = await PostAsync(cluster, "listCredentials");
        credentials.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)credentials.Body["kubeadminUsername"]).Should().Be("kubeadmin");
        var password = (string?)credentials.Body["kubeadminPassword"];
        password.Should().NotBeNullOrWhiteSpace();
        get.Text.Should().NotContain(password);
        (await ListAsync(cluster.SubscriptionList)).Text.Should().NotContain(password);
        ShouldContainNoSecret(get);

        var delete = await DeleteAsync(cluster);
        delete.ShouldHaveStatus(HttpStatusCode.Accepted);
        var deletion = await WaitForOperationAsync(delete.Header("Azure-AsyncOperation")!);
        ((string?)deletion["status"]).Should().Be("Succeeded");
        (await GetAsync(cluster)).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await Arm.GetAsync(delete.Header("Location")!)).ShouldHaveStatus(HttpStatusCode.NoContent);
        (await ListAsync(cluster.SubscriptionList)).Text.Should().Be("""{"value":[]}""");
    }

    [Fact]
    public async Task Delete_DuringUpdate_CancelsTheUpdateAndDeletes()
    {
        var cluster = ClusterRef.New();
        await CreateAndWaitAsync(cluster);
        var update = await PatchAsync(cluster, new JObject { ["properties"] = new JObject { ["workerProfiles"] = new JArray(new JObject { ["name"] = "worker", ["count"] = 4 }) } });
        update.ShouldHaveStatus(HttpStatusCode.Accepted);
        var running = await Arm.GetAsync(update.Header("Location")!);
        running.ShouldHaveStatus(HttpStatusCode.Accepted);
        running.Header("Location").Should().Be(update.Header("Location"));
        running.Header("Retry-After").Should().Be("1");
        ((string?)(await Arm.GetAsync(update.Header("Azure-AsyncOperation")!)).Body["status"]).Should().Be("Updating");

        var delete = await DeleteAsync(cluster);

        delete.ShouldHaveStatus(HttpStatusCode.Accepted);
        var deletion = await WaitForOperationAsync(delete.Header("Azure-AsyncOperation")!);
        ((string?)deletion["status"]).Should().Be("Succeeded");
        (await GetAsync(cluster)).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        var canceled = await WaitForOperationAsync(update.Header("Azure-AsyncOperation")!);
        ((string?)canceled["status"]).Should().Be("Canceled");
        ((string?)canceled["error"]?["code"]).Should().Be("Canceled");
        (await Arm.GetAsync(update.Header("Location")!)).ShouldBeCloudError(HttpStatusCode.Conflict, "Canceled");
        var recorded = await Eventually.UntilAsync(
            () => Factory.GetRequiredService<IAsyncOperations>().GetAsync(((string)canceled["name"]!).ToLowerInvariant()),
            o => o?.AsyncOperation.Status.IsTerminal() == true,
            "the backend to record the canceled update");
        recorded!.AsyncOperation.Status.Should().Be(ProvisioningState.Canceled, "the backend itself records the superseded operation");
    }

    [Fact]
    public async Task SubscriptionDeleted_DeletesEveryClusterOfIt()
    {
        var first = ClusterRef.New("rg-one", "first");
        var second = first.InGroup("rg-two", "second");
        var elsewhere = ClusterRef.New();
        foreach (var cluster in new[] { first, second, elsewhere })
        {
            await CreateAndWaitAsync(cluster);
        }

        (await Arm.PutSubscriptionAsync(first.SubscriptionId, "Deleted")).ShouldHaveStatus(HttpStatusCode.OK);

        var clusters = Factory.GetRequiredService<IOpenShiftClusters>();
        await Eventually.UntilAsync(
            async () => (await clusters.GetAsync(first.Id.ToLowerInvariant()), await clusters.GetAsync(second.Id.ToLowerInvariant())),
            found => found.Item1 is null && found.Item2 is null,
            "every cluster of the deleted subscription to be deleted");
        (await GetAsync(first)).ShouldBeCloudError(HttpStatusCode.Conflict, "InvalidSubscriptionState");
        (await Arm.PutSubscriptionAsync(first.SubscriptionId, "Registered")).ShouldHaveStatus(HttpStatusCode.OK);
        (await GetAsync(first)).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await GetAsync(second)).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await GetAsync(elsewhere)).ProvisioningState().Should().Be("Succeeded", "another subscription's clusters stay");
    }

    /// <summary>Creates the cluster and waits for its create to succeed.</summary>
    protected async Task<ArmResponse> CreateAndWaitAsync(ClusterRef cluster)
    {
        var put = await PutAsync(cluster);
        put.ShouldHaveStatus(HttpStatusCode.Created);
        ((string?)(await WaitForOperationAsync(put.Header("Azure-AsyncOperation")!))["status"]).Should().Be("Succeeded");
        return await GetAsync(cluster);
    }
}
