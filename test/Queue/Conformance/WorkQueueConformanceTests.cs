using System.Collections.Concurrent;
using FluentAssertions;
using Xunit;

namespace Rp.Queue.Tests.Conformance;

/// <summary>
/// What every implementation of <see cref="IWorkQueue"/> must do. Each test gets an empty queue
/// from <see cref="CreateQueueAsync"/>; time passes through <see cref="WaitForVisibilityTimeoutAsync"/>
/// (a fake clock for the embedded queue, real time against an emulator).
/// </summary>
public abstract class WorkQueueConformanceTests : IAsyncLifetime
{
    /// <summary>Short enough to wait out in real time; the shortest a storage queue accepts.</summary>
    protected static readonly TimeSpan ShortVisibility = TimeSpan.FromSeconds(1);

    /// <summary>Longer than any test runs.</summary>
    protected static readonly TimeSpan LongVisibility = TimeSpan.FromMinutes(10);

    private IWorkQueueUnderTest? underTest;

    public static TheoryData<string, Func<IWorkQueue, QueueMessage, Task>> StaleReceiptCalls => new()
    {
        { "update visibility", (q, m) => q.UpdateVisibilityAsync(m.MessageId, m.PopReceipt, LongVisibility) },
        { "delete", (q, m) => q.DeleteAsync(m.MessageId, m.PopReceipt) },
    };

    protected IWorkQueue Queue => underTest?.Queue ?? throw new InvalidOperationException("The queue is created in InitializeAsync.");

    public async Task InitializeAsync() => underTest = await CreateQueueAsync();

    public async Task DisposeAsync()
    {
        if (underTest is not null)
        {
            await underTest.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetAsync_EmptyQueue_ReturnsNull()
    {
        (await Queue.GetAsync(LongVisibility)).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_AfterPut_ReturnsMessageOnFirstDelivery()
    {
        const string body = """{"documentId":"d","partitionKey":"p"}""";
        await Queue.PutAsync(body);

        var message = await Queue.GetAsync(LongVisibility);

        message.Should().NotBeNull();
        message!.Body.Should().Be(body);
        message.DequeueCount.Should().Be(1);
        message.MessageId.Should().NotBeNullOrEmpty();
        message.PopReceipt.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetAsync_MessageTaken_IsInvisibleToOthers()
    {
        await Queue.PutAsync("only");
        await Queue.GetAsync(LongVisibility);

        (await Queue.GetAsync(LongVisibility)).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_VisibilityTimeoutPassed_ReappearsWithHigherDequeueCountAndNewReceipt()
    {
        await Queue.PutAsync("retry me");
        var first = await Queue.GetAsync(ShortVisibility);

        await WaitForVisibilityTimeoutAsync(ShortVisibility);
        var second = await Queue.GetAsync(LongVisibility);

        second.Should().NotBeNull();
        second!.MessageId.Should().Be(first!.MessageId);
        second.Body.Should().Be("retry me");
        second.DequeueCount.Should().Be(2);
        second.PopReceipt.Should().NotBe(first.PopReceipt);
    }

    [Theory]
    [MemberData(nameof(StaleReceiptCalls))]
    public async Task ReceiptCall_ReceiptOfEarlierDelivery_ThrowsMessageLost(string name, Func<IWorkQueue, QueueMessage, Task> call)
    {
        await Queue.PutAsync(name);
        var first = await Queue.GetAsync(ShortVisibility);
        await WaitForVisibilityTimeoutAsync(ShortVisibility);
        var second = await Queue.GetAsync(LongVisibility);

        var act = () => call(Queue, first!);

        await act.Should().ThrowAsync<MessageLostException>(name);
        await Queue.DeleteAsync(second!.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task UpdateVisibilityAsync_CurrentReceipt_ExtendsInvisibilityAndRetiresOldReceipt()
    {
        await Queue.PutAsync("heartbeat");
        var message = await Queue.GetAsync(ShortVisibility);

        var receipt = await Queue.UpdateVisibilityAsync(message!.MessageId, message.PopReceipt, LongVisibility);
        await WaitForVisibilityTimeoutAsync(ShortVisibility);
        var whileExtended = await Queue.GetAsync(LongVisibility);
        var withOldReceipt = () => Queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, LongVisibility);

        receipt.Should().NotBeNullOrEmpty().And.NotBe(message.PopReceipt);
        whileExtended.Should().BeNull();
        await withOldReceipt.Should().ThrowAsync<MessageLostException>();
        await Queue.DeleteAsync(message.MessageId, receipt);
        (await Queue.GetAsync(LongVisibility)).Should().BeNull();
    }

    [Fact]
    public async Task UpdateVisibilityAsync_ToZero_MakesMessageVisibleAgainWithItsBody()
    {
        await Queue.PutAsync("give back");
        var message = await Queue.GetAsync(LongVisibility);

        await Queue.UpdateVisibilityAsync(message!.MessageId, message.PopReceipt, TimeSpan.Zero);
        var again = await Queue.GetAsync(LongVisibility);

        again.Should().NotBeNull();
        again!.MessageId.Should().Be(message.MessageId);
        again.DequeueCount.Should().Be(2);
        again.Body.Should().Be("give back");
    }

    [Fact]
    public async Task DeleteAsync_CurrentReceipt_RemovesMessageForGood()
    {
        await Queue.PutAsync("done");
        var message = await Queue.GetAsync(ShortVisibility);

        await Queue.DeleteAsync(message!.MessageId, message.PopReceipt);
        await WaitForVisibilityTimeoutAsync(ShortVisibility);

        (await Queue.GetAsync(LongVisibility)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(StaleReceiptCalls))]
    public async Task ReceiptCall_MessageDeleted_ThrowsMessageLost(string name, Func<IWorkQueue, QueueMessage, Task> call)
    {
        await Queue.PutAsync(name);
        var message = await Queue.GetAsync(LongVisibility);
        await Queue.DeleteAsync(message!.MessageId, message.PopReceipt);

        var act = () => call(Queue, message);

        await act.Should().ThrowAsync<MessageLostException>(name);
    }

    [Fact]
    public async Task GetAsync_ConcurrentConsumers_DeliverEachMessageExactlyOnce()
    {
        var bodies = Enumerable.Range(0, 100).Select(i => $"message-{i}").ToList();
        foreach (var body in bodies)
        {
            await Queue.PutAsync(body);
        }

        var delivered = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await Queue.GetAsync(LongVisibility) is { } message)
            {
                delivered.Add(message.Body);
                await Queue.DeleteAsync(message.MessageId, message.PopReceipt);
            }
        })));

        delivered.Should().BeEquivalentTo(bodies);
        (await Queue.GetAsync(LongVisibility)).Should().BeNull();
    }

    [Fact]
    public async Task GetStatusAsync_EmptyQueue_ReportsNothing()
    {
        var status = await Queue.GetStatusAsync(maxDequeueCount: 5);

        status.Should().Be(new QueueStatus(0, null, 0, 0));
    }

    [Fact]
    public async Task GetStatusAsync_MessagesPutOverTime_ReportsDepthAndTheOldestStillQueued()
    {
        await Queue.PutAsync("first");
        var first = await Queue.GetStatusAsync(maxDequeueCount: 5);
        await WaitForVisibilityTimeoutAsync(ShortVisibility);
        await Queue.PutAsync("second");

        var both = await Queue.GetStatusAsync(maxDequeueCount: 5);
        var taken = await Queue.GetAsync(LongVisibility);
        await Queue.DeleteAsync(taken!.MessageId, taken.PopReceipt);
        var afterDelete = await Queue.GetStatusAsync(maxDequeueCount: 5);

        first.Depth.Should().Be(1);
        first.OldestInsertedOn.Should().NotBeNull();
        both.Depth.Should().Be(2);
        both.Examined.Should().Be(2);
        both.OldestInsertedOn.Should().Be(first.OldestInsertedOn, "the first message is still the oldest");
        taken.Body.Should().Be("first");
        afterDelete.Depth.Should().Be(1);
        afterDelete.OldestInsertedOn.Should().BeAfter(first.OldestInsertedOn!.Value, "the second message was put at least a visibility timeout later");
    }

    [Theory]
    [InlineData("below the limit", 3, 0)]
    [InlineData("at the limit", 2, 1)]
    [InlineData("past the limit", 1, 1)]
    public async Task GetStatusAsync_MessageDeliveredTwice_CountsItAgainstTheDequeueLimit(string name, int maxDequeueCount, int past)
    {
        await Queue.PutAsync("poison");
        var poison = await Queue.GetAsync(ShortVisibility);
        await WaitForVisibilityTimeoutAsync(ShortVisibility);
        var again = await Queue.GetAsync(ShortVisibility);
        await Queue.PutAsync("fresh");
        await WaitForVisibilityTimeoutAsync(ShortVisibility);

        var status = await Queue.GetStatusAsync(maxDequeueCount);

        again!.MessageId.Should().Be(poison!.MessageId);
        again.DequeueCount.Should().Be(2);
        status.Depth.Should().Be(2, name);
        status.Examined.Should().Be(2, name);
        status.PastDequeueLimit.Should().Be(past, name);
    }

    protected abstract Task<IWorkQueueUnderTest> CreateQueueAsync();

    /// <summary>Lets at least <paramref name="visibilityTimeout"/> pass on the queue's clock.</summary>
    protected abstract Task WaitForVisibilityTimeoutAsync(TimeSpan visibilityTimeout);
}
