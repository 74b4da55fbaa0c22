using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>DELETE of a cluster: asynchronous, idempotent, never refused because of the provisioning state.</summary>
public abstract class ClusterDeleteTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task Delete_Existing_Returns202WithLocationAsyncOperationAndRetryAfter()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);

        var delete = await DeleteAsync(cluster);

        delete.ShouldHaveStatus(HttpStatusCode.Accepted);
        delete.Text.Should().BeEmpty();
        delete.Header("Retry-After").Should().Be("1");
        var asyncOperation = new Uri(delete.Header("Azure-AsyncOperation")!);
        var location = new Uri(delete.Header("Location")!);
        asyncOperation.GetLeftPart(UriPartial.Authority).Should().Be("https://management.azure.com");
        asyncOperation.AbsolutePath.Should().MatchRegex($"^/subscriptions/{cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{ArmPatterns.Guid}$");
        location.AbsolutePath.Should().Be(asyncOperation.AbsolutePath.Replace("/operationsStatus/", "/operationResults/", StringComparison.Ordinal));
        location.Query.Should().Be($"?api-version={Version.Name}");
        (await GetAsync(cluster)).ProvisioningState().Should().Be("Deleting");
    }

    [Fact]
    public async Task Delete_Missing_Returns204WithoutBody()
    {
        var delete = await DeleteAsync(ClusterRef.New());

        delete.ShouldHaveStatus(HttpStatusCode.NoContent);
        delete.Text.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_Repeated_AnswersWithTheSameOperation()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        var first = await DeleteAsync(cluster);

        var second = await DeleteAsync(cluster);

        second.ShouldHaveStatus(HttpStatusCode.Accepted);
        second.Header("Azure-AsyncOperation").Should().Be(first.Header("Azure-AsyncOperation"));
        second.Header("Location").Should().Be(first.Header("Location"));
    }

    [Fact]
    public async Task Delete_WhileCreating_Returns202AndCancelsTheCreate()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);

        var delete = await DeleteAsync(cluster);

        delete.ShouldHaveStatus(HttpStatusCode.Accepted);
        (await GetAsync(cluster)).ProvisioningState().Should().Be("Deleting");
        var create = await Arm.GetAsync(put.Header("Azure-AsyncOperation")!);
        ((string?)create.Body["status"]).Should().Be("Canceled");
        ((string?)create.Body["error"]?["code"]).Should().Be("Canceled");
    }

    [Fact]
    public async Task Delete_Finished_ResourceIsGoneAndDeleteAgainReturns204()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        (await DeleteAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Accepted);

        await Backend.FinishDeleteAsync(cluster);

        (await GetAsync(cluster)).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        (await DeleteAsync(cluster)).ShouldHaveStatus(HttpStatusCode.NoContent);
    }
}
