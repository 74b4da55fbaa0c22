using FluentAssertions;
using Rp.Env;
using Xunit;

namespace Rp.Env.Tests;

public sealed class PollSignalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void Notify_AfterListen_CompletesWhatWasListenedTo()
    {
        var signal = new PollSignal();
        var listened = signal.Listen();

        signal.Notify();

        listened.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void Listen_AfterNotify_WaitsForTheNextOne()
    {
        var signal = new PollSignal();
        signal.Notify();

        var listened = signal.Listen();

        listened.IsCompleted.Should().BeFalse("a notification only wakes those already listening");
    }

    [Fact]
    public async Task WaitAsync_NotifiedWithThePollFarAway_Returns()
    {
        var signal = new PollSignal();
        var waiting = PollSignal.WaitAsync(signal.Listen(), Timeout.InfiniteTimeSpan, TimeProvider.System, CancellationToken.None);

        signal.Notify();

        await waiting.WaitAsync(Deadline);
        waiting.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task WaitAsync_NeverNotified_ReturnsAtThePoll()
    {
        var signal = new PollSignal();

        var waiting = PollSignal.WaitAsync(signal.Listen(), TimeSpan.FromMilliseconds(10), TimeProvider.System, CancellationToken.None);

        await waiting.WaitAsync(Deadline);
        waiting.IsCompletedSuccessfully.Should().BeTrue("the poll interval is the fallback: nothing depends on a notification");
    }

    [Fact]
    public async Task WaitAsync_Canceled_ThrowsOperationCanceled()
    {
        var signal = new PollSignal();
        using var stopping = new CancellationTokenSource();
        var waiting = PollSignal.WaitAsync(signal.Listen(), Timeout.InfiniteTimeSpan, TimeProvider.System, stopping.Token);

        await stopping.CancelAsync();

        await waiting.Invoking(w => w.WaitAsync(Deadline)).Should().ThrowAsync<OperationCanceledException>();
    }
}
