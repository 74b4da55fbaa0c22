using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>The whole pipeline with an installer that fails (see <see cref="FailingPipelineFactory"/>).</summary>
public abstract class FailedInstallTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    [Fact]
    public async Task Put_InstallFails_OperationFailedWithCloudError()
    {
        var cluster = ClusterRef.New();

        var put = await PutAsync(cluster);
        var operation = await WaitForOperationAsync(put.Header("Azure-AsyncOperation")!);

        ((string?)operation["status"]).Should().Be("Failed");
        operation.Properties().Select(p => p.Name).Should().Contain(["id", "name", "status", "startTime", "endTime", "error"]);
        var error = (Newtonsoft.Json.Linq.JObject)operation["error"]!;
        error.Properties().Select(p => p.Name).Should().BeSubsetOf(["code", "message", "target", "details"]);
        ((string?)error["code"]).Should().Be("DeploymentFailed");
        ((string?)error["message"]).Should().NotBeNullOrWhiteSpace();
        (await GetAsync(cluster)).ProvisioningState().Should().Be("Failed");
        (await Arm.GetAsync(OperationResultsUrl(put.Header("Azure-AsyncOperation")!))).ShouldBeCloudError(HttpStatusCode.BadRequest, "DeploymentFailed");
    }

    [Fact]
    public async Task Put_AfterFailedCreate_CreatesAgain()
    {
        var cluster = ClusterRef.New();
        await WaitForOperationAsync((await PutAsync(cluster)).Header("Azure-AsyncOperation")!);

        var retry = await PutAsync(cluster);

        retry.ShouldHaveStatus(HttpStatusCode.OK);
        retry.ProvisioningState().Should().Be("Creating");
        ((string?)(await WaitForOperationAsync(retry.Header("Azure-AsyncOperation")!))["status"]).Should().Be("Failed");
    }

    [Fact]
    public async Task Delete_FailedCluster_DeletesIt()
    {
        var cluster = ClusterRef.New();
        await WaitForOperationAsync((await PutAsync(cluster)).Header("Azure-AsyncOperation")!);

        var delete = await DeleteAsync(cluster);

        delete.ShouldHaveStatus(HttpStatusCode.Accepted);
        ((string?)(await WaitForOperationAsync(delete.Header("Azure-AsyncOperation")!))["status"]).Should().Be("Succeeded");
        (await GetAsync(cluster)).ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
