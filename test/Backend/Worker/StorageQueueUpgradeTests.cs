using Azure.Storage.Queues;
using FluentAssertions;
using Rp.Api;
using Rp.Database.Documents;
using Rp.Database.Tests;
using Rp.Database.Tests.Emulators;
using Rp.Queue;
using Rp.Queue.Tests.StorageQueue;
using Xunit;

namespace Rp.Backend.Tests.Worker;

/// <summary>
/// A rolling upgrade onto Azure.Storage.Queues: the queue still holds messages that the forwarder
/// of the previous version put with its own REST client when this version's backend starts on it.
/// </summary>
[Collection(EmulatorsCollection.Name)]
public sealed class StorageQueueUpgradeTests(EmulatorsFixture emulators) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Backend_MessagesPutByPreviousQueueClient_DrivesEveryDocumentToSucceeded()
    {
        var queueName = "upgrade" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Queue:Provider"] = QueueProviders.StorageQueue,
            ["Queue:Name"] = queueName,
            ["StorageQueue:ConnectionString"] = emulators.StorageConnectionString,
        };
        await using var host = new BackendTestHost(directory.Path, RecordingInstaller.Local(), settings);
        await host.Queue.CreateIfNotExistsAsync();
        using var previous = new LegacyQueueClient(emulators.StorageConnectionString, queueName);
        var requests = new List<(OpenShiftClusterDocument Document, AsyncOperationDocument Operation)>();
        for (var i = 0; i < 3; i++)
        {
            var request = await ClusterRequests.CreateAsync(host.Clusters, host.Operations);
            await previous.PutAsync(new WorkItem { DocumentId = request.Document.Id, PartitionKey = request.Document.PartitionKey, CorrelationRequestId = Guid.NewGuid().ToString() }.Serialize());
            requests.Add(request);
        }

        await host.StartAsync();
        foreach (var (document, _) in requests)
        {
            await Eventually.UntilAsync(
                () => host.Clusters.GetAsync(document.Key),
                d => d?.OpenShiftCluster.Properties.ProvisioningState == ProvisioningState.Succeeded && d.LeaseOwner is null,
                $"{document.Key} to be Succeeded and released");
        }

        var queue = new QueueClient(emulators.StorageConnectionString, queueName);
        await Eventually.UntilAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount, count => count == 0, "every message to be deleted");
        foreach (var (_, operation) in requests)
        {
            (await host.Operations.GetAsync(operation.Id))!.AsyncOperation.Status.Should().Be(ProvisioningState.Succeeded);
        }
    }
}
