using System.Diagnostics;
using Azure;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Rp.Queue.StorageQueue;
using Rp.Queue.Tests.Conformance;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

[Collection(EmulatorsCollection.Name)]
public sealed class StorageWorkQueueTests(EmulatorsFixture emulators) : WorkQueueConformanceTests
{
    private string queueName = "";

    [Fact]
    public async Task CreateIfNotExistsAsync_ExistingQueue_Succeeds()
    {
        var create = () => Queue.CreateIfNotExistsAsync();

        await create.Should().NotThrowAsync();
    }

    [Fact]
    public async Task GetAsync_BodyWithMarkupAndNonAscii_ReturnsItUnchangedWithServiceVisibilityTime()
    {
        const string body = "{\"documentId\":\"d\",\"partitionKey\":\"p\",\"note\":\"ünïcødé <&>\"}";
        await Queue.PutAsync(body);

        var message = await Queue.GetAsync(TimeSpan.FromSeconds(30));

        message!.Body.Should().Be(body);
        message.NextVisibleOn.Should().BeAfter(DateTimeOffset.UtcNow.AddSeconds(20));
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_WrongAccountKey_ThrowsWithServiceErrorCode()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connectionString = string.Join(';', emulators.StorageConnectionString.Split(';').Select(p => p.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + wrongKey : p));
        var unauthorized = new StorageWorkQueue(connectionString, StorageWorkQueueUnderTest.NewQueueName());

        var act = () => unauthorized.CreateIfNotExistsAsync();

        var thrown = await act.Should().ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(403);
        thrown.Which.ErrorCode.Should().Be("AuthenticationFailed");
    }

    [Fact]
    public async Task GetAsync_QueueMissing_ThrowsWithServiceErrorCode()
    {
        var missing = new StorageWorkQueue(emulators.StorageConnectionString, StorageWorkQueueUnderTest.NewQueueName());

        var act = () => missing.GetAsync(TimeSpan.FromSeconds(30));

        var thrown = await act.Should().ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(404);
        thrown.Which.ErrorCode.Should().Be("QueueNotFound");
    }

    [Fact]
    public async Task GetAsync_MessagesPutByPreviousClient_ProcessesEveryOne()
    {
        string[] bodies =
        [
            new WorkItem { DocumentId = "d1", PartitionKey = "p1", CorrelationRequestId = "c1", RequestId = "r1" }.Serialize(),
            new WorkItem { DocumentId = "d2", PartitionKey = "p2" }.Serialize(),
            "{\"documentId\":\"d3\",\"partitionKey\":\"p3\",\"note\":\"ünïcødé <&> 🚀\"}",
        ];
        using var previous = new LegacyQueueClient(emulators.StorageConnectionString, queueName);
        foreach (var body in bodies)
        {
            await previous.PutAsync(body);
        }

        var processed = new List<QueueMessage>();
        while (await Queue.GetAsync(LongVisibility) is { } message)
        {
            var receipt = await Queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, LongVisibility);
            await Queue.DeleteAsync(message.MessageId, receipt);
            processed.Add(message);
        }

        processed.Select(m => m.Body).Should().Equal(bodies);
        processed.Should().OnlyContain(m => m.DequeueCount == 1);
        (await previous.GetBodyAsync(LongVisibility)).Should().BeNull();
    }

    [Fact]
    public async Task PutAsync_ReadByPreviousClient_ReturnsTheBody()
    {
        var body = new WorkItem { DocumentId = "d", PartitionKey = "p", ClientRequestId = "ünïcødé" }.Serialize();
        using var previous = new LegacyQueueClient(emulators.StorageConnectionString, queueName);

        await Queue.PutAsync(body);

        (await previous.GetBodyAsync(LongVisibility)).Should().Be(body);
    }

    [Fact]
    public async Task GetAsync_MessageTextNotBase64_DeletesItAndDeliversTheNext()
    {
        using var unencoding = new LegacyQueueClient(emulators.StorageConnectionString, queueName);
        await unencoding.PutTextAsync("{\"documentId\":\"d\",\"partitionKey\":\"p\"}");
        await Queue.PutAsync("work");

        var undecodable = await Queue.GetAsync(ShortVisibility);
        var next = await Queue.GetAsync(ShortVisibility);
        await Queue.DeleteAsync(next!.MessageId, next.PopReceipt);
        await WaitForVisibilityTimeoutAsync(ShortVisibility);

        undecodable.Should().BeNull();
        next.Body.Should().Be("work");
        (await unencoding.GetBodyAsync(LongVisibility)).Should().BeNull();
    }

    protected override async Task<IWorkQueueUnderTest> CreateQueueAsync()
    {
        var underTest = await StorageWorkQueueUnderTest.CreateAsync(emulators.StorageConnectionString);
        queueName = underTest.Name;
        return underTest;
    }

    /// <summary>The service keeps its own clock: the timeout has to pass in real time, measured on a monotonic clock.</summary>
    protected override async Task WaitForVisibilityTimeoutAsync(TimeSpan visibilityTimeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < visibilityTimeout)
        {
            await Task.Delay(visibilityTimeout - elapsed.Elapsed + TimeSpan.FromMilliseconds(1));
        }
    }
}
