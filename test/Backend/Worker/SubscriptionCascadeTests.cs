using FluentAssertions;
using Rp.Api;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Rp.Database.Tests.Conformance;
using Xunit;

namespace Rp.Backend.Tests.Worker;

public sealed class SubscriptionCascadeTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private BackendTestHost host = null!;

    public Task InitializeAsync()
    {
        host = new BackendTestHost(directory.Path, RecordingInstaller.Local(), forwarder: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task Cascade_SubscriptionMarkedDeleting_DeletesEachOfItsClustersThenClearsTheMark()
    {
        var subscription = TestDocuments.Subscription();
        subscription.Subscription.State = SubscriptionStates.Deleted;
        subscription.Deleting = true;
        await host.Subscriptions.CreateAsync(subscription);
        var doomed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            doomed.Add(await SucceededClusterAsync(subscription.Id));
        }

        var bystander = TestDocuments.Subscription();
        await host.Subscriptions.CreateAsync(bystander);
        var kept = await SucceededClusterAsync(bystander.Id);

        await host.StartAsync();
        await Eventually.UntilAsync(() => host.Subscriptions.GetAsync(subscription.Id), s => s!.Deleting is null, "the subscription's mark to be cleared");

        foreach (var key in doomed)
        {
            (await host.Clusters.GetAsync(key)).Should().BeNull();
        }

        var survivor = await host.Clusters.GetAsync(kept);
        survivor!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded);
        (await host.Subscriptions.GetAsync(bystander.Id))!.Deleting.Should().BeNull();
    }

    /// <summary>A cluster whose create has finished (and was forwarded long ago).</summary>
    private async Task<string> SucceededClusterAsync(string subscriptionId)
    {
        var (created, operation) = await ClusterRequests.CreateAsync(host.Clusters, host.Operations, subscriptionId);
        await ClusterRequests.PatchAsync(host.Clusters, created.Key, d =>
        {
            d.Unqueued = false;
            d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
            d.LastOperation = new OperationOutcome { Id = operation.Id, Status = ProvisioningState.Succeeded, EndTime = DateTimeOffset.UtcNow };
        });
        return created.Key;
    }
}
