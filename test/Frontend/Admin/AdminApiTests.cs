using System.Net;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Frontend.Admin;
using Rp.Frontend.Tests.Harness;
using Rp.Queue;
using Xunit;

namespace Rp.Frontend.Tests.Admin;

/// <summary>
/// The admin API on the frontend alone, in development mode (no certificate; the certificate rules
/// are in the authentication tests): what each route shows and does, with documents ended by a
/// simulated backend.
/// </summary>
public sealed class AdminApiTests(FrontendFactory factory) : ClusterTestBase(factory, ApiVersionCases.Of("2020-04-30")), IClassFixture<FrontendFactory>
{
    private const string ClusterList = "/admin/providers/RedHat.OpenShift/OpenShiftClusters?api-version=admin";

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "no api-version", "/admin/queue", "MissingApiVersionParameter" },
        { "an ARM api-version", "/admin/queue?api-version=2020-04-30", "InvalidApiVersionParameter" },
        { "an unknown provisioning state", ClusterList + "&provisioningState=Bogus", "InvalidParameter" },
        { "a provisioning state by number", ClusterList + "&provisioningState=1", "InvalidParameter" },
        { "a subscription id that is not a GUID", ClusterList + "&subscriptionId=not-a-guid", "InvalidParameter" },
        { "a $top out of range", ClusterList + "&$top=0", "InvalidParameter" },
        { "a forged $skipToken", ClusterList + "&$skipToken=forged", "InvalidParameter" },
    };

    public static TheoryData<string, JObject, string> BadQuotas => new()
    {
        { "a negative limit", new JObject { ["maxClusters"] = -1 }, "maxClusters" },
        { "a limit that is not a number", new JObject { ["maxVCpusPerRegion"] = "many" }, "maxVCpusPerRegion" },
        { "a fraction", new JObject { ["maxClusters"] = 1.5 }, "maxClusters" },
        { "an unknown limit", new JObject { ["maxDisks"] = 3 }, "maxDisks" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Get_BadQuery_Returns400(string name, string url, string code)
    {
        var response = await Arm.GetAsync(url);

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, code, testCase: name);
    }

    [Fact]
    public async Task ListClusters_AcrossSubscriptions_PagesThroughEveryClusterAndFilters()
    {
        var a = ClusterRef.New();
        var b = ClusterRef.New();
        var inA = new[] { a.InGroup("rg", "a0"), a.InGroup("rg", "a1"), a.InGroup("other", "a2") };
        var inB = new[] { b.InGroup("rg", "b0"), b.InGroup("rg", "b1") };
        foreach (var cluster in inA.Concat(inB))
        {
            (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        }

        await Backend.EndOperationAsync(inA[0]);
        await Backend.EndOperationAsync(inB[1], ProvisioningState.Failed);

        var everything = await ListAllAsync(ClusterList + "&$top=2");
        var ofA = await ListAllAsync($"{ClusterList}&subscriptionId={a.SubscriptionId}");
        var failedOfB = await ListAllAsync($"{ClusterList}&subscriptionId={b.SubscriptionId}&provisioningState=failed");
        var creatingOfA = await ListAllAsync($"{ClusterList}&subscriptionId={a.SubscriptionId}&provisioningState=Creating&$top=1");

        everything.Select(Id).Should().OnlyHaveUniqueItems().And.Contain(inA.Concat(inB).Select(c => c.Id));
        ofA.Select(Id).Should().BeEquivalentTo(inA.Select(c => c.Id));
        failedOfB.Select(Id).Should().Equal([inB[1].Id]);
        failedOfB[0]["provisioningState"]!.ToString().Should().Be("Failed");
        failedOfB[0]["lastOperation"]!["status"]!.ToString().Should().Be("Failed");
        creatingOfA.Select(Id).Should().BeEquivalentTo([inA[1].Id, inA[2].Id]);
    }

    [Fact]
    public async Task ListClusters_SkipTokenOfAnotherFilter_Returns400()
    {
        var a = ClusterRef.New();
        (await PutAsync(a)).ShouldHaveStatus(HttpStatusCode.Created);
        (await PutAsync(a.InGroup("rg", "second"))).ShouldHaveStatus(HttpStatusCode.Created);
        var page = await Arm.GetAsync($"{ClusterList}&subscriptionId={a.SubscriptionId}&$top=1");
        var token = new Uri((string)page.Body["nextLink"]!).Query.Split('&').Single(p => p.StartsWith("$skipToken=", StringComparison.Ordinal));

        var replayed = await Arm.GetAsync($"{ClusterList}&provisioningState=Creating&{token}");

        replayed.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "$skipToken");
    }

    [Fact]
    public async Task GetCluster_WithSecrets_ShowsTheDocumentWithEverySecretRedactedButPresentOrAbsent()
    {
        var cluster = ClusterRef.New();
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);

        var creating = await Arm.GetAsync(AdminUrl(cluster));
        await Backend.EndOperationAsync(cluster);
        var succeeded = await Arm.GetAsync(AdminUrl(cluster));

        creating.ShouldHaveStatus(HttpStatusCode.OK);
        var properties = creating.Body.SelectToken("document.openShiftCluster.properties")!;
        ((string?)properties.SelectToken("clusterProfile.pullSecret")).Should().Be("[redacted]");
        ((string?)properties.SelectToken("servicePrincipalProfile.clientSecret")).Should().Be("[redacted]");
        properties["kubeadminPassword"]!.Type.Should().Be(JTokenType.Null, "a secret the cluster does not have yet shows as absent");
        ((string?)succeeded.Body.SelectToken("document.openShiftCluster.properties.kubeadminPassword")).Should().Be("[redacted]");
        foreach (var response in new[] { creating, succeeded })
        {
            ShouldContainNoSecret(response);
            response.Text.Should().NotContain(SimulatedBackend.KubeadminPassword).And.NotContain("\"v1:", "not even the sealed form of a secret is shown");
            ((string?)response.Body["id"]).Should().Be(cluster.Id);
            response.Body.Should().ContainKeys("lease", "dequeueCount", "installCheckpoint", "lastOperation", "asyncOperationId");
        }

        ((string?)creating.Body["provisioningState"]).Should().Be("Creating");
        ((bool)creating.Body["unqueued"]!).Should().BeTrue();
        ((string?)succeeded.Body.SelectToken("lastOperation.status")).Should().Be("Succeeded");
        (await Arm.GetAsync(AdminUrl(ClusterRef.New()))).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task AsyncOperations_AfterCreateAndUpdate_ListsBothMostRecentFirst()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        var patch = await PatchAsync(cluster, JObject.Parse("""{"properties":{"workerProfiles":[{"name":"worker","count":4}]}}"""));
        patch.ShouldHaveStatus(HttpStatusCode.Accepted);

        var operations = await Arm.GetAsync(AdminUrl(cluster, "/asyncOperations"));

        operations.ShouldHaveStatus(HttpStatusCode.OK);
        var value = (JArray)operations.Body["value"]!;
        value.Select(o => (string?)o["initialProvisioningState"]).Should().Equal("Updating", "Creating");
        value.Select(o => (string?)o["status"]).Should().Equal("Updating", "Succeeded");
        ((string?)value[0]["id"]).Should().EndWith(new Uri(patch.Header("Azure-AsyncOperation")!).AbsolutePath.Split('/')[^1]);
    }

    [Fact]
    public async Task Requeue_HandsTheDocumentToTheForwarderAgainOnlyWhenItIsNotWaitingAlready()
    {
        var cluster = ClusterRef.New();
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        var waiting = await Etag(cluster);

        var whileWaiting = await Arm.PostAsync(AdminUrl(cluster, "/requeue"));
        var afterWaiting = await Etag(cluster);
        await Backend.EndOperationAsync(cluster);
        var forwarded = await Etag(cluster);
        var requeued = await Arm.PostAsync(AdminUrl(cluster, "/requeue"));
        var afterRequeue = await Etag(cluster);
        var repeated = await Arm.PostAsync(AdminUrl(cluster, "/requeue"));

        whileWaiting.ShouldHaveStatus(HttpStatusCode.Accepted);
        afterWaiting.Should().Be(waiting, "a document waiting for the forwarder is not written again");
        requeued.ShouldHaveStatus(HttpStatusCode.Accepted);
        ((bool)requeued.Body["unqueued"]!).Should().BeTrue();
        afterRequeue.Should().NotBe(forwarded);
        repeated.ShouldHaveStatus(HttpStatusCode.Accepted);
        (await Etag(cluster)).Should().Be(afterRequeue, "requeueing is idempotent");
        (await Arm.PostAsync(AdminUrl(ClusterRef.New(), "/requeue"))).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Retry_FailedCreate_StartsItAgainAsANewOperationAndRepeatingNamesTheSameOne()
    {
        var cluster = ClusterRef.New();
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        await Backend.EndOperationAsync(cluster, ProvisioningState.Failed);
        var failed = await Arm.GetAsync(AdminUrl(cluster));

        var retried = await Arm.PostAsync(AdminUrl(cluster, "/retry"));
        var repeated = await Arm.PostAsync(AdminUrl(cluster, "/retry"));

        retried.ShouldHaveStatus(HttpStatusCode.Accepted);
        ((string?)retried.Body["provisioningState"]).Should().Be("Creating");
        ((string?)retried.Body.SelectToken("operation.status")).Should().Be("Creating");
        var operationId = (string?)retried.Body["asyncOperationId"];
        operationId.Should().NotBe((string?)failed.Body["asyncOperationId"]);
        ((string?)retried.Body.SelectToken("operation.name")).Should().Be(operationId);
        repeated.ShouldHaveStatus(HttpStatusCode.Accepted);
        ((string?)repeated.Body.SelectToken("operation.name")).Should().Be(operationId, "a repeated retry starts nothing new");
        (await GetAsync(cluster)).ProvisioningState().Should().Be("Creating");
        ((bool)retried.Body["unqueued"]!).Should().BeTrue("the forwarder hands the retried operation to a worker");
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Creating")]
    public async Task Retry_ClusterThatDidNotFail_Returns409(string state)
    {
        var cluster = ClusterRef.New();
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        if (state == "Succeeded")
        {
            await Backend.EndOperationAsync(cluster);
        }

        var retry = await Arm.PostAsync(AdminUrl(cluster, "/retry"));

        retry.ShouldBeCloudError(HttpStatusCode.Conflict, "Conflict", testCase: state);
    }

    [Fact]
    public async Task Cancel_RunningCreate_EndsTheOperationCanceledAndRepeatingAnswersTheSame()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        put.ShouldHaveStatus(HttpStatusCode.Created);

        var canceled = await Arm.PostAsync(AdminUrl(cluster, "/cancel"));
        var repeated = await Arm.PostAsync(AdminUrl(cluster, "/cancel"));
        var status = await Arm.GetAsync(put.Header("Azure-AsyncOperation")!);
        var resource = await GetAsync(cluster);
        var putAgain = await PutAsync(cluster);

        canceled.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)canceled.Body.SelectToken("operation.status")).Should().Be("Canceled");
        repeated.ShouldHaveStatus(HttpStatusCode.OK);
        repeated.Body["operation"].ShouldDeepEqual(canceled.Body["operation"]);
        ((string?)status.Body["status"]).Should().Be("Canceled", "the client polling the create learns it was canceled");
        ((string?)status.Body.SelectToken("error.code")).Should().Be("Canceled");
        ((string?)status.Body.SelectToken("error.message")).Should().Contain("administrator");
        resource.ProvisioningState().Should().Be("Canceled");
        putAgain.ShouldHaveStatus(HttpStatusCode.OK);
        putAgain.ProvisioningState().Should().Be("Creating", "a PUT after a canceled create creates again");
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Deleting")]
    public async Task Cancel_NothingCancelable_Returns409(string state)
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        if (state == "Deleting")
        {
            (await DeleteAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Accepted);
        }

        var cancel = await Arm.PostAsync(AdminUrl(cluster, "/cancel"));

        cancel.ShouldBeCloudError(HttpStatusCode.Conflict, "Conflict", testCase: state);
        (await GetAsync(cluster)).ProvisioningState().Should().Be(state, "a refused cancel changes nothing");
    }

    [Fact]
    public async Task Queue_MessagesWaiting_ReportsDepthAgeAndDequeueLimit()
    {
        var queue = Factory.GetRequiredService<IWorkQueue>();
        await queue.CreateIfNotExistsAsync();
        var before = await queue.GetStatusAsync(5);
        await queue.PutAsync("""{"documentId":"d","partitionKey":"p"}""");
        await queue.PutAsync("""{"documentId":"e","partitionKey":"p"}""");

        var response = await Arm.GetAsync("/admin/queue?api-version=admin");

        response.ShouldHaveStatus(HttpStatusCode.OK);
        ((long)response.Body["depth"]!).Should().Be(before.Depth + 2);
        ((double)response.Body["oldestMessageAgeSeconds"]!).Should().BeGreaterThanOrEqualTo(0);
        ((int)response.Body["maxDequeueCount"]!).Should().Be(Factory.GetRequiredService<IOptions<Rp.Queue.DequeueLimitOptions>>().Value.MaxDequeueCount);
        ((int)response.Body["pastDequeueLimit"]!).Should().Be(0);
    }

    [Fact]
    public async Task Subscriptions_ListedWithStateAndQuota_PagedAndQuotaValidated()
    {
        var registered = ClusterRef.NewSubscriptionId();
        var warned = ClusterRef.NewSubscriptionId();
        (await Arm.PutSubscriptionAsync(registered, "Registered")).ShouldHaveStatus(HttpStatusCode.Created);
        (await Arm.PutSubscriptionAsync(warned, "Warned")).ShouldHaveStatus(HttpStatusCode.Created);
        var quota = await Arm.PutAsync($"/admin/subscriptions/{registered}/quota?api-version=admin", new JObject { ["maxClusters"] = 7 });

        var listed = await ListAllAsync("/admin/subscriptions?api-version=admin&$top=1");
        var byId = listed.ToDictionary(s => (string)s["id"]!);

        quota.ShouldHaveStatus(HttpStatusCode.OK);
        byId[registered]["state"]!.ToString().Should().Be("Registered");
        byId[registered]["quota"].ShouldDeepEqual(new JObject { ["maxClusters"] = 7 });
        ((int)byId[registered]["limits"]!["maxClusters"]!).Should().Be(7);
        byId[warned]["state"]!.ToString().Should().Be("Warned");
        byId[warned]["quota"]!.Type.Should().Be(JTokenType.Null);
        (await Arm.PutAsync($"/admin/subscriptions/{ClusterRef.NewSubscriptionId()}/quota?api-version=admin", new JObject())).ShouldBeCloudError(HttpStatusCode.NotFound, "NotFound");
        (await Arm.PutAsync("/admin/subscriptions/not-a-guid/quota?api-version=admin", new JObject())).ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "subscriptionId");
    }

    [Theory]
    [MemberData(nameof(BadQuotas))]
    public async Task PutQuota_BadLimit_Returns400AndChangesNothing(string name, JObject body, string target)
    {
        var subscription = ClusterRef.NewSubscriptionId();
        (await Arm.PutSubscriptionAsync(subscription, "Registered")).ShouldHaveStatus(HttpStatusCode.Created);

        var response = await Arm.PutAsync($"/admin/subscriptions/{subscription}/quota?api-version=admin", body);

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", target, name);
        var listed = await ListAllAsync("/admin/subscriptions?api-version=admin");
        listed.Single(s => (string?)s["id"] == subscription)["quota"]!.Type.Should().Be(JTokenType.Null, name);
    }

    private static string AdminUrl(ClusterRef cluster, string action = "") => $"/admin{cluster.Id}{action}?api-version=admin";

    private static string? Id(JToken item) => (string?)item["id"];

    /// <summary>The store's ETag of the cluster's document: it changes with every write.</summary>
    private async Task<string?> Etag(ClusterRef cluster) => (string?)(await Arm.GetAsync(AdminUrl(cluster))).Body.SelectToken("document._etag");

    /// <summary>Every item of a paged admin list, following nextLink.</summary>
    private async Task<List<JToken>> ListAllAsync(string url)
    {
        var items = new List<JToken>();
        string? next = url;
        while (next is not null)
        {
            var page = await Arm.GetAsync(next);
            page.ShouldHaveStatus(HttpStatusCode.OK);
            items.AddRange((JArray)page.Body["value"]!);
            next = (string?)page.Body["nextLink"];
        }

        return items;
    }
}
