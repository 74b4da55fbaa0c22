using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Database;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Quotas;

/// <summary>
/// Quotas before provisioning: a PUT or PATCH that would exceed the subscription's cluster count or
/// its vCPUs in a region is refused with 409 ResourceQuotaExceeded, naming the limit, the use and
/// the request, and writes nothing. Defaults come from configuration (3 clusters, 100 vCPUs); the
/// admin API overrides them per subscription. The test body's cluster uses 30 vCPUs (3 × 8 + 3 × 2).
/// </summary>
public sealed class QuotaTests(QuotaFactory factory) : ClusterTestBase(factory, ApiVersionCases.Of("2020-04-30")), IClassFixture<QuotaFactory>
{
    private const int ClusterVCpus = 30;

    [Fact]
    public async Task Put_BeyondTheConfiguredClusterCount_Returns409AndWritesNothing()
    {
        var first = ClusterRef.New();
        var clusters = Enumerable.Range(0, QuotaFactory.MaxClusters).Select(i => first.InGroup("rg", $"c{i}")).ToList();
        foreach (var cluster in clusters)
        {
            (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        }

        var extra = first.InGroup("rg", "one-too-many");
        var refused = await PutAsync(extra);

        refused.ShouldBeCloudError(HttpStatusCode.Conflict, "ResourceQuotaExceeded");
        ((string)refused.Body["error"]!["message"]!).Should().Contain($"clusters in the subscription: limit {QuotaFactory.MaxClusters}, in use {QuotaFactory.MaxClusters}, requested 1");
        refused.Body["error"]!["details"]!.Select(d => (string?)d["code"]).Should().OnlyContain(c => c == "ResourceQuotaExceeded");
        (await GetAsync(extra)).ShouldHaveStatus(HttpStatusCode.NotFound);
        ((JArray)(await ListAsync(first.SubscriptionList)).Body["value"]!).Should().HaveCount(QuotaFactory.MaxClusters);
        var subscription = await Factory.GetRequiredService<ISubscriptions>().GetAsync(first.SubscriptionId);
        subscription!.QuotaReservations.Should().HaveCount(QuotaFactory.MaxClusters, "each create's reservation covers its cluster a while longer")
            .And.NotContain(r => r.ClusterKey == extra.Id.ToLowerInvariant(), "the refused request reserved nothing");
    }

    [Fact]
    public async Task Preflight_BeyondTheClusterCount_FailsWithTheQuotaErrorAndWritesNothing()
    {
        var first = ClusterRef.New();
        foreach (var cluster in Enumerable.Range(0, QuotaFactory.MaxClusters).Select(i => first.InGroup("rg", $"c{i}")))
        {
            (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);
        }

        var extra = first.InGroup("rg", "one-too-many");
        var resource = new JObject { ["id"] = extra.Id, ["name"] = extra.Name, ["type"] = "RedHat.OpenShift/OpenShiftClusters", ["apiVersion"] = Version.Name };
        resource.Merge(Version.CreateBody());
        var preflight = await Arm.SendAsync(
            HttpMethod.Post,
            $"/subscriptions/{extra.SubscriptionId}/resourceGroups/rg/providers/Microsoft.Resources/deployments/d/preflight?api-version=2020-06-01",
            new StringContent(new JObject { ["resources"] = new JArray(resource) }.ToString(), System.Text.Encoding.UTF8, "application/json"));
        var put = await PutAsync(extra);

        preflight.ShouldHaveStatus(HttpStatusCode.OK);
        ((string?)preflight.Body["status"]).Should().Be("Failed", preflight.ToString());
        ((string?)preflight.Body["error"]!["code"]).Should().Be("ResourceQuotaExceeded");
        ((string?)preflight.Body["error"]!["target"]).Should().StartWith("resources[0]");
        ((string?)preflight.Body["error"]!["message"]).Should().Be((string?)put.Body["error"]!["message"], "preflight and PUT give the same refusal");
        put.ShouldBeCloudError(HttpStatusCode.Conflict, "ResourceQuotaExceeded");
    }

    [Fact]
    public async Task Put_BeyondTheVCpusOfARegion_Returns409ButAnotherRegionHasItsOwn()
    {
        var first = ClusterRef.New();
        await SetQuotaAsync(first.SubscriptionId, maxClusters: 0, maxVCpus: 70);
        (await PutAsync(first)).ShouldHaveStatus(HttpStatusCode.Created);
        (await PutAsync(first.InGroup("rg", "second"))).ShouldHaveStatus(HttpStatusCode.Created);

        var third = await PutAsync(first.InGroup("rg", "third"));
        var elsewhere = await PutAsync(first.InGroup("rg", "west"), Version.CreateBody().With("location", "westus"));

        third.ShouldBeCloudError(HttpStatusCode.Conflict, "ResourceQuotaExceeded");
        ((string)third.Body["error"]!["message"]!).Should().Contain($"vCPUs in region 'eastus': limit 70, in use {2 * ClusterVCpus}, requested {ClusterVCpus} more");
        elsewhere.ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("growth within the limit", 40, 8, HttpStatusCode.Accepted)]
    [InlineData("growth beyond the limit", 40, 9, HttpStatusCode.Conflict)]
    [InlineData("shrinking below a limit the cluster is already over", 20, 4, HttpStatusCode.Accepted)]
    [InlineData("keeping the size over a lowered limit", 20, 5, HttpStatusCode.Accepted)]
    public async Task Patch_WorkerCount_OnlyGrowthIsCheckedAgainstTheVCpuLimit(string name, int maxVCpus, int workers, HttpStatusCode expected)
    {
        // Five workers: 3 × 8 + 5 × 2 = 34 vCPUs.
        const int before = 5;
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster, Version.CreateBody().With("properties.workerProfiles[0].count", before));
        await SetQuotaAsync(cluster.SubscriptionId, maxClusters: null, maxVCpus: maxVCpus);

        var patch = await PatchAsync(cluster, new JObject { ["properties"] = new JObject { ["workerProfiles"] = new JArray(new JObject { ["name"] = "worker", ["count"] = workers }) } });

        patch.ShouldHaveStatus(expected, name);
        var get = await GetAsync(cluster);
        if (expected == HttpStatusCode.Conflict)
        {
            patch.ShouldBeCloudError(HttpStatusCode.Conflict, "ResourceQuotaExceeded", testCase: name);
            ((string)patch.Body["error"]!["message"]!).Should().Contain($"limit {maxVCpus}, in use {24 + (before * 2)}, requested {(workers - before) * 2} more", name);
            get.ProvisioningState().Should().Be("Succeeded", $"{name}: a refused PATCH changes nothing");
            ((int)get.Body.SelectToken("properties.workerProfiles[0].count")!).Should().Be(before, name);
        }
        else
        {
            get.ProvisioningState().Should().Be("Updating", name);
        }
    }

    [Fact]
    public async Task Put_AfterAClusterIsDeleted_ItsQuotaIsFreeAgain()
    {
        var first = ClusterRef.New();
        await SetQuotaAsync(first.SubscriptionId, maxClusters: 1, maxVCpus: null);
        await CreateSucceededAsync(first);
        var second = first.InGroup("rg", "second");
        (await PutAsync(second)).ShouldBeCloudError(HttpStatusCode.Conflict, "ResourceQuotaExceeded");

        (await DeleteAsync(first)).ShouldHaveStatus(HttpStatusCode.Accepted);
        await Backend.FinishDeleteAsync(first);

        (await PutAsync(second)).ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Put_OverrideRaisedThenRemoved_TheSubscriptionFollowsItThenTheDefaults()
    {
        var first = ClusterRef.New();
        await SetQuotaAsync(first.SubscriptionId, maxClusters: 5, maxVCpus: 0);
        var clusters = Enumerable.Range(0, 4).Select(i => first.InGroup("rg", $"c{i}")).ToList();
        foreach (var cluster in clusters)
        {
            (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created, "the override raised the default of 3 clusters");
        }

        var removed = await Arm.PutAsync($"/admin/subscriptions/{first.SubscriptionId}/quota?api-version=admin", new JObject());
        var fifth = await PutAsync(first.InGroup("rg", "fifth"));

        removed.ShouldHaveStatus(HttpStatusCode.OK);
        removed.Body["quota"]!.Type.Should().Be(JTokenType.Null);
        removed.Body["limits"].ShouldDeepEqual(new JObject { ["maxClusters"] = QuotaFactory.MaxClusters, ["maxVCpusPerRegion"] = QuotaFactory.MaxVCpus });
        fifth.ShouldBeCloudError(HttpStatusCode.Conflict, "ResourceQuotaExceeded");
    }

    private async Task SetQuotaAsync(string subscriptionId, int? maxClusters, int? maxVCpus)
    {
        // The subscription exists once ARM has registered it (here: its first write in development).
        (await Arm.PutSubscriptionAsync(subscriptionId, "Registered")).StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        var response = await Arm.PutAsync(
            $"/admin/subscriptions/{subscriptionId}/quota?api-version=admin",
            new JObject { ["maxClusters"] = maxClusters, ["maxVCpusPerRegion"] = maxVCpus });
        response.ShouldHaveStatus(HttpStatusCode.OK);
    }
}
