using System.Globalization;
using System.Net;
using FluentAssertions;
using Rp.Api;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>operationsStatus and operationResults, on the frontend alone (the backend's side is simulated).</summary>
public abstract class AsyncOperationTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    public static TheoryData<string, string> UnknownOperations => new()
    {
        { "unknown operation id", "0badc0de-0000-4000-8000-000000000000" },
        { "not a guid", "not-a-guid" },
    };

    [Fact]
    public async Task OperationsStatus_Running_Returns200WithTheStatusResource()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        var url = put.Header("Azure-AsyncOperation")!;

        var status = await Arm.GetAsync(url);

        status.ShouldHaveStatus(HttpStatusCode.OK);
        status.Body.Properties().Select(p => p.Name).Should().BeEquivalentTo("id", "name", "status", "startTime");
        ((string?)status.Body["id"]).Should().Be(new Uri(url).AbsolutePath);
        ((string?)status.Body["name"]).Should().Be(((string)status.Body["id"]!).Split('/')[^1]);
        ((string?)status.Body["status"]).Should().Be("Creating");
        DateTimeOffset.TryParse((string?)status.Body["startTime"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _).Should().BeTrue();
        status.Header("Retry-After").Should().Be("1", "a poll of a running operation says when to poll again");
    }

    [Fact]
    public async Task OperationsStatus_Ended_HasEndTime()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        await Backend.EndOperationAsync(cluster);

        var status = await Arm.GetAsync(put.Header("Azure-AsyncOperation")!);

        ((string?)status.Body["status"]).Should().Be("Succeeded");
        status.Body["endTime"].Should().NotBeNull();
        status.Body["error"].Should().BeNull();
        status.Header("Retry-After").Should().BeNull("there is nothing left to poll for");
    }

    [Fact]
    public async Task OperationsStatus_Failed_CarriesACloudErrorBody()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        await Backend.EndOperationAsync(cluster, ProvisioningState.Failed);

        var status = await Arm.GetAsync(put.Header("Azure-AsyncOperation")!);

        ((string?)status.Body["status"]).Should().Be("Failed");
        ((string?)status.Body["error"]?["code"]).Should().Be("DeploymentFailed");
        ((string?)status.Body["error"]?["message"]).Should().NotBeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(UnknownOperations))]
    public async Task OperationsStatus_Unknown_Returns404(string name, string operationId)
    {
        var subscription = ClusterRef.NewSubscriptionId();

        var status = await Arm.GetAsync($"/subscriptions/{subscription}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{operationId}?api-version={Version.Name}");
        var result = await Arm.GetAsync($"/subscriptions/{subscription}/providers/RedHat.OpenShift/locations/eastus/operationResults/{operationId}?api-version={Version.Name}");

        status.ShouldBeCloudError(HttpStatusCode.NotFound, "NotFound");
        result.StatusCode.Should().Be(HttpStatusCode.NotFound, "operationResults of an {0} is unknown too", name);
    }

    [Fact]
    public async Task OperationsStatus_OfAnotherSubscription_Returns404()
    {
        var put = await PutAsync(ClusterRef.New());
        var url = put.Header("Azure-AsyncOperation")!;
        var subscription = url.Split('/')[4];

        var status = await Arm.GetAsync(url.Replace(subscription, ClusterRef.NewSubscriptionId(), StringComparison.Ordinal));
        var result = await Arm.GetAsync(OperationResultsUrl(url).Replace(subscription, ClusterRef.NewSubscriptionId(), StringComparison.Ordinal));

        status.ShouldBeCloudError(HttpStatusCode.NotFound, "NotFound");
        result.ShouldBeCloudError(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task OperationsStatus_SubscriptionInUpperCase_Returns200()
    {
        var cluster = ClusterRef.New();
        var url = (await PutAsync(cluster)).Header("Azure-AsyncOperation")!;

        var status = await Arm.GetAsync(url.Replace(cluster.SubscriptionId, cluster.SubscriptionId.ToUpperInvariant(), StringComparison.Ordinal));

        status.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OperationsStatus_DeleteUnrecordedAndClusterCreatedAgain_ReadsSucceeded()
    {
        // The backend removed the resource and died before recording the delete's end; then a
        // client created the cluster again under the same name: another resource, not the delete's.
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        var delete = await DeleteAsync(cluster);
        await Backend.RemoveWithoutEndingAsync(cluster);
        (await PutAsync(cluster)).ShouldHaveStatus(HttpStatusCode.Created);

        var status = await Arm.GetAsync(delete.Header("Azure-AsyncOperation")!);

        ((string?)status.Body["status"]).Should().Be("Succeeded", "the resource the delete drove is gone: {0}", status);
    }

    [Fact]
    public async Task OperationResults_Running_Returns202WithLocationAndRetryAfter()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        var url = OperationResultsUrl(put.Header("Azure-AsyncOperation")!);

        var result = await Arm.GetAsync(url);

        result.ShouldHaveStatus(HttpStatusCode.Accepted);
        result.Text.Should().BeEmpty();
        result.Header("Location").Should().Be(url);
        result.Header("Retry-After").Should().Be("1");
    }

    [Fact]
    public async Task OperationResults_PutEnded_Returns200WithTheResource()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        await Backend.EndOperationAsync(cluster);

        var result = await Arm.GetAsync(OperationResultsUrl(put.Header("Azure-AsyncOperation")!));

        result.ShouldHaveStatus(HttpStatusCode.OK);
        result.Body.ShouldDeepEqual((await GetAsync(cluster)).Body);
        ShouldContainNoSecret(result);
    }

    [Fact]
    public async Task OperationResults_DeleteEnded_Returns204()
    {
        var cluster = ClusterRef.New();
        await CreateSucceededAsync(cluster);
        var delete = await DeleteAsync(cluster);
        await Backend.FinishDeleteAsync(cluster);

        var result = await Arm.GetAsync(delete.Header("Location")!);

        result.ShouldHaveStatus(HttpStatusCode.NoContent);
        ((string?)(await Arm.GetAsync(delete.Header("Azure-AsyncOperation")!)).Body["status"]).Should().Be("Succeeded");
    }

    [Fact]
    public async Task OperationResults_Failed_ReturnsTheOperationError()
    {
        var cluster = ClusterRef.New();
        var put = await PutAsync(cluster);
        await Backend.EndOperationAsync(cluster, ProvisioningState.Failed);

        var result = await Arm.GetAsync(OperationResultsUrl(put.Header("Azure-AsyncOperation")!));

        result.ShouldBeCloudError(HttpStatusCode.BadRequest, "DeploymentFailed");
    }
}
