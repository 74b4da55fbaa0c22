namespace Rp.Env;

/// <summary>
/// Wakes loops that poll for work as soon as a writer in this process may have made some,
/// instead of at their next poll. Only a shortcut: writers in other processes cannot signal, so the
/// poll interval stays every loop's fallback and nothing depends on a signal arriving. A
/// notification is a permit that one waiter takes, kept until then (up to a bound): a write that
/// lands between a loop's poll and its wait still wakes it, and <see cref="Notify"/> for n pieces
/// of work wakes at most n of the loops waiting, not all of them.
/// </summary>
public sealed class PollSignal(int maxPending) : IDisposable
{
    private readonly SemaphoreSlim permits = new(0, maxPending);

    /// <summary>There may be <paramref name="count"/> new pieces of work: wakes as many waiting loops, or lets as many waits return at once.</summary>
    public void Notify(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var room = maxPending - permits.CurrentCount;
        if (room <= 0)
        {
            return;
        }

        try
        {
            permits.Release(Math.Min(count, room));
        }
        catch (SemaphoreFullException)
        {
            // Enough wake-ups are pending already: another notification came in between.
        }
    }

    /// <summary>Waits until a notification comes (taking it) or <paramref name="pollInterval"/> passes.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        if (permits.Wait(0, CancellationToken.None))
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var notified = permits.WaitAsync(waiting.Token);
        var polled = Task.Delay(pollInterval, time, waiting.Token);
        await Task.WhenAny(notified, polled).ConfigureAwait(false);

        // A wait canceled before it was granted takes no permit; one granted meanwhile is kept.
        await waiting.CancelAsync().ConfigureAwait(false);
        try
        {
            await notified.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll came first.
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => permits.Dispose();
}
