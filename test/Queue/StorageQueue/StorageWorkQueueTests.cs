using Azure;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

[Collection(EmulatorsCollection.Name)]
public sealed class StorageWorkQueueTests(EmulatorsFixture emulators) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly StorageWorkQueue queue = new(emulators.StorageConnectionString, "q" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => queue.CreateIfNotExistsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateIfNotExistsAsync_ExistingQueue_Succeeds()
    {
        var create = () => queue.CreateIfNotExistsAsync();

        await create.Should().NotThrowAsync();
    }

    [Fact]
    public async Task GetAsync_EmptyQueue_ReturnsNull()
    {
        (await queue.GetAsync(TimeSpan.FromSeconds(30))).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_PutMessage_ReturnsItOnceWithDequeueCountOne()
    {
        const string body = "{\"documentId\":\"d\",\"partitionKey\":\"p\",\"note\":\"ünïcødé <&>\"}";
        await queue.PutAsync(body);

        var message = await queue.GetAsync(TimeSpan.FromSeconds(30));
        var hidden = await queue.GetAsync(TimeSpan.FromSeconds(30));

        message.Should().NotBeNull();
        message!.Body.Should().Be(body);
        message.DequeueCount.Should().Be(1);
        message.MessageId.Should().NotBeNullOrEmpty();
        message.PopReceipt.Should().NotBeNullOrEmpty();
        message.NextVisibleOn.Should().BeAfter(DateTimeOffset.UtcNow.AddSeconds(20));
        hidden.Should().BeNull();
    }

    [Fact]
    public async Task DeleteAsync_CurrentReceipt_RemovesMessage()
    {
        await queue.PutAsync("work");
        var message = (await queue.GetAsync(TimeSpan.FromSeconds(1)))!;

        await queue.DeleteAsync(message.MessageId, message.PopReceipt);

        // Had it not been deleted, it would be visible again after one second.
        (await PollAsync(TimeSpan.FromSeconds(2))).Should().BeNull();
    }

    [Fact]
    public async Task UpdateVisibilityAsync_CurrentReceipt_ReturnsNewReceiptThatDeletes()
    {
        await queue.PutAsync("work");
        var message = (await queue.GetAsync(TimeSpan.FromSeconds(30)))!;

        var renewed = await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, TimeSpan.FromSeconds(30));
        await queue.DeleteAsync(message.MessageId, renewed);

        renewed.Should().NotBe(message.PopReceipt);
        (await queue.GetAsync(TimeSpan.FromSeconds(30))).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_MessageNotRenewed_ReappearsWithDequeueCountTwo()
    {
        await queue.PutAsync("work");
        var first = (await queue.GetAsync(TimeSpan.FromSeconds(1)))!;

        var second = await PollAsync(Deadline);

        second.Should().NotBeNull();
        second!.MessageId.Should().Be(first.MessageId);
        second.Body.Should().Be("work");
        second.DequeueCount.Should().Be(2);
        second.PopReceipt.Should().NotBe(first.PopReceipt);
    }

    public static TheoryData<string, Func<IWorkQueue, QueueMessage, Task>> StaleReceiptCalls => new()
    {
        { "update", (q, m) => q.UpdateVisibilityAsync(m.MessageId, m.PopReceipt, TimeSpan.FromSeconds(30)) },
        { "delete", (q, m) => q.DeleteAsync(m.MessageId, m.PopReceipt) },
    };

    [Theory]
    [MemberData(nameof(StaleReceiptCalls))]
    public async Task ReceiptCall_MessageTakenByAnotherConsumer_ThrowsMessageLost(string name, Func<IWorkQueue, QueueMessage, Task> call)
    {
        await queue.PutAsync("work");
        var stale = (await queue.GetAsync(TimeSpan.FromSeconds(1)))!;
        (await PollAsync(Deadline)).Should().NotBeNull("the message must reappear for another consumer");

        var act = () => call(queue, stale);

        await act.Should().ThrowAsync<MessageLostException>(name);
    }

    [Theory]
    [MemberData(nameof(StaleReceiptCalls))]
    public async Task ReceiptCall_MessageDeleted_ThrowsMessageLost(string name, Func<IWorkQueue, QueueMessage, Task> call)
    {
        await queue.PutAsync("work");
        var message = (await queue.GetAsync(TimeSpan.FromSeconds(30)))!;
        await queue.DeleteAsync(message.MessageId, message.PopReceipt);

        var act = () => call(queue, message);

        await act.Should().ThrowAsync<MessageLostException>(name);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_WrongAccountKey_ThrowsWithServiceErrorCode()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connectionString = string.Join(';', emulators.StorageConnectionString.Split(';').Select(p => p.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + wrongKey : p));
        var unauthorized = new StorageWorkQueue(connectionString, "q" + Guid.NewGuid().ToString("N"));

        var act = () => unauthorized.CreateIfNotExistsAsync();

        var thrown = await act.Should().ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(403);
        thrown.Which.ErrorCode.Should().Be("AuthenticationFailed");
    }

    [Fact]
    public async Task GetAsync_QueueMissing_ThrowsWithServiceErrorCode()
    {
        var missing = new StorageWorkQueue(emulators.StorageConnectionString, "q" + Guid.NewGuid().ToString("N"));

        var act = () => missing.GetAsync(TimeSpan.FromSeconds(30));

        var thrown = await act.Should().ThrowAsync<RequestFailedException>();
        thrown.Which.Status.Should().Be(404);
        thrown.Which.ErrorCode.Should().Be("QueueNotFound");
    }

    private async Task<QueueMessage?> PollAsync(TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until)
        {
            var message = await queue.GetAsync(TimeSpan.FromSeconds(30));
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return null;
    }
}
