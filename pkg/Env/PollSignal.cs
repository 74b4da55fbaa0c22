namespace Rp.Env;

/// <summary>
/// Wakes a loop that polls for work as soon as a writer in this process may have made some,
/// instead of at its next poll. Only a shortcut: writers in other processes cannot signal, so the
/// poll interval stays the loop's fallback and nothing depends on a signal arriving.
/// </summary>
public sealed class PollSignal
{
    private TaskCompletionSource next = NewSource();

    /// <summary>
    /// A task that completes at the next <see cref="Notify"/>. Take it before polling, then wait on
    /// it: a write that lands between the poll and the wait is not missed.
    /// </summary>
    public Task Listen() => Volatile.Read(ref next).Task;

    /// <summary>Something may be there to poll for: wakes every loop listening.</summary>
    public void Notify() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    /// <summary>Waits until <paramref name="notified"/> completes or <paramref name="pollInterval"/> passes.</summary>
    public static async Task WaitAsync(Task notified, TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        if (notified.IsCompleted)
        {
            return;
        }

        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(notified, Task.Delay(pollInterval, time, delay.Token)).ConfigureAwait(false);
        await delay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    // Continuations run elsewhere: a writer's Notify never runs a woken loop's code.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
