using FluentAssertions;
using Rp.Env;
using Xunit;

namespace Rp.Env.Tests;

public sealed class PollSignalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitAsync_NotifiedWhileWaiting_ReturnsWithThePollFarAway()
    {
        using var signal = new PollSignal(maxPending: 1);
        var waiting = signal.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);

        signal.Notify();

        await waiting.WaitAsync(Deadline);
        waiting.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task WaitAsync_NotifiedBeforeTheWait_ReturnsAtOnce()
    {
        // A write between a loop's poll and its wait is not missed.
        using var signal = new PollSignal(maxPending: 1);
        signal.Notify();

        var waiting = signal.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);

        await waiting.WaitAsync(Deadline);
        waiting.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Theory]
    [InlineData("as many as were notified", 2, 8, 2)]
    [InlineData("no more than the bound", 5, 3, 3)]
    public async Task Notify_Count_WakesThatManyWaiters(string name, int notified, int maxPending, int woken)
    {
        using var signal = new PollSignal(maxPending);
        signal.Notify(notified);

        var waits = Enumerable.Range(0, 6).Select(_ => signal.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None)).ToList();
        await Task.WhenAll(waits.Take(woken)).WaitAsync(Deadline);

        waits.Count(w => w.IsCompleted).Should().Be(woken, name);
        signal.Notify(6);
        await Task.WhenAll(waits).WaitAsync(Deadline);
    }

    [Fact]
    public async Task WaitAsync_NeverNotified_ReturnsAtThePoll()
    {
        using var signal = new PollSignal(maxPending: 1);

        var waiting = signal.WaitAsync(TimeSpan.FromMilliseconds(10), TimeProvider.System, CancellationToken.None);

        await waiting.WaitAsync(Deadline);
        waiting.IsCompletedSuccessfully.Should().BeTrue("the poll interval is the fallback: nothing depends on a notification");
    }

    [Fact]
    public async Task WaitAsync_ReturnedAtThePoll_LeavesTheNextNotificationToTheNextWait()
    {
        using var signal = new PollSignal(maxPending: 1);
        await signal.WaitAsync(TimeSpan.FromMilliseconds(1), TimeProvider.System, CancellationToken.None).WaitAsync(Deadline);

        signal.Notify();
        var next = signal.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);

        await next.WaitAsync(Deadline);
        next.IsCompletedSuccessfully.Should().BeTrue("a wait that ended at its poll took no notification");
    }

    [Fact]
    public async Task WaitAsync_Canceled_ThrowsOperationCanceled()
    {
        using var signal = new PollSignal(maxPending: 1);
        using var stopping = new CancellationTokenSource();
        var waiting = signal.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider.System, stopping.Token);

        await stopping.CancelAsync();

        await waiting.Invoking(w => w.WaitAsync(Deadline)).Should().ThrowAsync<OperationCanceledException>();
    }
}
