using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using FluentAssertions;
using Xunit;

namespace Rp.EndToEnd.Tests.ArmClient;

/// <summary>
/// Azure.ResourceManager's ArmClient drives the running RP as ARM and template deployments do:
/// generic resources over https, its own long-running-operation polling and paging.
/// </summary>
public sealed class ArmClientTests(RpOverHttpsFixture fixture) : IClassFixture<RpOverHttpsFixture>
{
    private readonly string subscriptionId = Guid.NewGuid().ToString();
    private readonly RequestLog log = new();

    [Fact]
    public async Task GenericResource_CreateGetUpdateDelete_CompletesEveryOperationByPollingTheRp()
    {
        var client = fixture.CreateClient(subscriptionId, log);
        var id = ClusterId("lifecycle", "cluster1");

        var data = new GenericResourceData(new AzureLocation(ClusterBody.Location)) { Properties = ClusterBody.Properties(subscriptionId, "cluster1", workerCount: 3) };
        data.Tags["owner"] = "e2e";
        var create = await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, id, data);

        create.HasCompleted.Should().BeTrue();
        var created = create.Value.Data;
        created.Id.ToString().Should().BeEquivalentTo(id.ToString());
        created.ResourceType.ToString().Should().BeEquivalentTo("RedHat.OpenShift/OpenShiftClusters");
        created.Location.Name.Should().Be(ClusterBody.Location);
        created.Tags.Should().Equal(new Dictionary<string, string> { ["owner"] = "e2e" });
        ClusterBody.ProvisioningState(created.Properties).Should().Be("Succeeded");
        ShouldHavePolled("PUT", id);

        var got = (await client.GetGenericResource(id).GetAsync()).Value.Data;
        ClusterBody.ProvisioningState(got.Properties).Should().Be("Succeeded");
        ClusterBody.WorkerCount(got.Properties).Should().Be(3);
        got.Properties.ToString().Should().NotContain("clientSecret").And.NotContain("auths", "secrets are never returned");

        var patch = new GenericResourceData(new AzureLocation(ClusterBody.Location)) { Properties = ClusterBody.WorkerCountPatch(subscriptionId, workerCount: 5) };
        patch.Tags["owner"] = "e2e";
        patch.Tags["stage"] = "scaled";
        var update = await client.GetGenericResource(id).UpdateAsync(WaitUntil.Completed, patch);

        var updated = update.Value.Data;
        ClusterBody.ProvisioningState(updated.Properties).Should().Be("Succeeded");
        ClusterBody.WorkerCount(updated.Properties).Should().Be(5);
        updated.Tags.Should().Equal(new Dictionary<string, string> { ["owner"] = "e2e", ["stage"] = "scaled" });
        ShouldHavePolled("PATCH", id);

        var delete = await client.GetGenericResource(id).DeleteAsync(WaitUntil.Completed);

        delete.HasCompleted.Should().BeTrue();
        ShouldHavePolled("DELETE", id);
        var get = () => client.GetGenericResource(id).GetAsync();
        var notFound = (await get.Should().ThrowAsync<RequestFailedException>()).Which;
        notFound.Status.Should().Be(404);
        notFound.ErrorCode.Should().Be("ResourceNotFound", "the client reads the RP's CloudError");
        ShouldHaveCalledOnlyTheRp();
    }

    [Fact]
    public async Task ClusterList_MoreClustersThanOnePage_WalksEveryPageByNextLink()
    {
        var client = fixture.CreateClient(subscriptionId, log);
        var names = Enumerable.Range(1, 5).Select(i => $"paged{i}").ToList();
        var operations = await Task.WhenAll(names.Select(name =>
            client.GetGenericResources().CreateOrUpdateAsync(
                WaitUntil.Started,
                ClusterId("paging", name),
                new GenericResourceData(new AzureLocation(ClusterBody.Location)) { Properties = ClusterBody.Properties(subscriptionId, name, workerCount: 3) })));
        await Task.WhenAll(operations.Select(o => o.WaitForCompletionAsync().AsTask()));

        var clusters = new ResourceGroupClusters(client, ResourceGroupResource.CreateResourceIdentifier(subscriptionId, "paging"));
        var pages = new List<Page<GenericResourceData>>();
        await foreach (var page in clusters.GetAllAsync().AsPages())
        {
            pages.Add(page);
        }

        var pageSize = int.Parse(RpOverHttpsFixture.PageSize, System.Globalization.CultureInfo.InvariantCulture);
        pages.Select(p => p.Values.Count).Should().Equal(pageSize, pageSize, 1);
        pages.Take(2).Should().OnlyContain(p => p.ContinuationToken != null);
        pages[^1].ContinuationToken.Should().BeNull();
        var listed = pages.SelectMany(p => p.Values).ToList();
        listed.Select(c => c.Name).Should().BeEquivalentTo(names);
        listed.Should().OnlyContain(c => ClusterBody.ProvisioningState(c.Properties) == "Succeeded");
        var listPath = $"/subscriptions/{subscriptionId}/resourceGroups/paging/providers/RedHat.OpenShift/OpenShiftClusters";
        var listCalls = log.Entries.Where(e => e.Method == "GET" && e.Uri.AbsolutePath.Equals(listPath, StringComparison.OrdinalIgnoreCase)).ToList();
        listCalls.Should().HaveCount(3).And.OnlyContain(e => e.Status == 200);
        listCalls.Skip(1).Should().OnlyContain(e => e.Uri.Query.Contains("$skipToken=", StringComparison.Ordinal));
        ShouldHaveCalledOnlyTheRp();
    }

    /// <summary>
    /// Nothing went to a route ARM itself serves (provider registrations, Microsoft.Resources):
    /// with the api-version set, everything the client needs is the RP's.
    /// </summary>
    private void ShouldHaveCalledOnlyTheRp() =>
        log.Entries.Should().NotBeEmpty().And.OnlyContain(
            e => e.Uri.AbsolutePath.StartsWith($"/subscriptions/{subscriptionId}/", StringComparison.OrdinalIgnoreCase)
                && e.Uri.AbsolutePath.Contains("/providers/RedHat.OpenShift/", StringComparison.OrdinalIgnoreCase)
                && e.Uri.Query.Contains("api-version=2020-04-30", StringComparison.Ordinal));

    private ResourceIdentifier ClusterId(string resourceGroup, string name) =>
        new($"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/RedHat.OpenShift/OpenShiftClusters/{name}");

    /// <summary>
    /// The client, not the test, finished the operation: after the RP accepted the request it
    /// fetched the <c>Azure-AsyncOperation</c> URL the RP gave until that said the operation ended.
    /// </summary>
    private void ShouldHavePolled(string method, ResourceIdentifier id)
    {
        var entries = log.Entries;
        var accepted = entries.Last(e => e.Method == method && e.Uri.AbsolutePath.Equals(id.ToString(), StringComparison.OrdinalIgnoreCase));
        accepted.Status.Should().BeOneOf([200, 201, 202], $"the RP accepts {method} asynchronously");
        accepted.AzureAsyncOperation.Should().NotBeNull($"the RP names the operation of its {method}");
        var statusUri = new Uri(accepted.AzureAsyncOperation!);
        statusUri.AbsolutePath.Should().Contain("/operationsStatus/");
        var polls = entries.SkipWhile(e => e != accepted).Where(e => e.Method == "GET" && e.Uri.AbsolutePath == statusUri.AbsolutePath).ToList();
        polls.Should().NotBeEmpty($"the client polls the {method}'s operation status").And.OnlyContain(e => e.Status == 200);
    }
}
