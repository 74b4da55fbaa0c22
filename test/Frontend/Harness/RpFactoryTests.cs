using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Rp.Frontend.Tests.Harness;

/// <summary>The harness itself: its own data directory, and a frontend that never moves a document on.</summary>
[Collection(FrontendCollection.Name)]
public sealed class RpFactoryTests(FrontendFactory factory) : IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public void Dispose() => arm.Dispose();

    [Fact]
    public async Task Factory_KeepsItsStoresInItsOwnDataDirectory()
    {
        (await arm.PutAsync(ClusterRef.New().Url("2020-04-30"), V20200430Version.Instance.CreateBody())).ShouldHaveStatus(HttpStatusCode.Created);

        File.Exists(Path.Combine(factory.DataDir, "rp.db")).Should().BeTrue();
    }

    [Fact]
    public void FrontendOnly_RunsNoBackgroundService()
    {
        var hosted = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType().FullName);

        hosted.Should().NotContain(["Rp.Queue.Forwarder.Forwarder", "Rp.Backend.Worker.BackendService", "Rp.Backend.Worker.SubscriptionCascade"]);
    }
}
