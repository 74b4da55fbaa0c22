using Microsoft.Extensions.Logging;
using Rp.Database;

namespace Rp.Backend.Worker;

/// <summary>The heartbeat of a message being worked on: its lease and the message's visibility, renewed together.</summary>
internal sealed partial class MessageProcessor
{
    /// <summary>How long before its lease could run out a worker stops: its clock and the store's may differ a little, and stopping takes a moment.</summary>
    private TimeSpan LeaseMargin => Options.LeaseDuration / 5;

    /// <summary>Whether a lease held until <paramref name="heldUntil"/> may still be worked under.</summary>
    private bool MayWorkUnder(DateTimeOffset heldUntil) => time.GetUtcNow() < heldUntil - LeaseMargin;

    /// <summary>
    /// Renews the message's visibility and the document's lease every heartbeat interval, and
    /// stops the work when it cannot: a renewal that fails, and one that has not answered when the
    /// lease it renews could run out (a store that stopped answering hangs rather than fails). The
    /// lease is held until <c>renewal start + LeaseDuration</c> at the least; the work stops
    /// <see cref="LeaseMargin"/> before that, so that no other worker can take the document while it runs.
    /// </summary>
    private async Task HeartbeatAsync(string messageId, string key, string owner, DateTimeOffset heldUntil, WorkState state, CancellationTokenSource work)
    {
        try
        {
            while (true)
            {
                var left = heldUntil - LeaseMargin - time.GetUtcNow();
                await Task.Delay(left < Options.HeartbeatInterval ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : Options.HeartbeatInterval, time, work.Token).ConfigureAwait(false);
                if (!MayWorkUnder(heldUntil))
                {
                    throw new TimeoutException($"the lease would run out before it was renewed (held until {heldUntil:HH:mm:ss.fff})");
                }

                var renewing = time.GetUtcNow();

                // On the thread pool: a store may block the calling thread (SQLite waits for a lock
                // synchronously), and the deadline must be kept all the same.
                var renewal = Task.Run(() => RenewAsync(messageId, key, owner, state, work.Token), CancellationToken.None);

                // Awaited even when the work ends meanwhile (its pop receipt deletes the message),
                // but not past the point where the lease could run out.
                var stopBy = heldUntil - LeaseMargin - renewing;
                using (var answered = new CancellationTokenSource())
                {
                    var deadline = Task.Delay(stopBy > TimeSpan.Zero ? stopBy : TimeSpan.Zero, time, answered.Token);
                    if (await Task.WhenAny(renewal, deadline).ConfigureAwait(false) != renewal)
                    {
                        _ = renewal.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                        work.Token.ThrowIfCancellationRequested();
                        throw new TimeoutException($"the lease would run out before its renewal answered (held until {heldUntil:HH:mm:ss.fff})");
                    }

                    await answered.CancelAsync().ConfigureAwait(false);
                }

                await renewal.ConfigureAwait(false);
                heldUntil = renewing + Options.LeaseDuration;
            }
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // The work ended.
        }
        catch (TimeoutException e)
        {
            await work.CancelAsync().ConfigureAwait(false);
            LogHeartbeatLost(logger, key, e.Message);
        }
        catch (Exception e)
        {
            // Without a heartbeat this worker cannot know it still owns the document: stop. The
            // usual reason is no loss at all: the work has just released or deleted the document.
            await work.CancelAsync().ConfigureAwait(false);
            if (e is not LeaseLostException || !await IsGivenUpAsync(key).ConfigureAwait(false))
            {
                LogHeartbeatLost(logger, key, e.Message);
            }
        }
    }

    private async Task RenewAsync(string messageId, string key, string owner, WorkState state, CancellationToken cancellationToken)
    {
        // Not canceled with the work: a renewal the queue has applied issues a new pop receipt,
        // and only that receipt can delete the message once the work is done.
        state.PopReceipt = await queue.UpdateVisibilityAsync(messageId, state.PopReceipt, Options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
        var doc = await clusters.PatchWithLeaseAsync(key, owner, time.GetUtcNow(), d => d.LeaseExpires = time.GetUtcNow() + Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        state.Observe(doc.AsyncOperationId);
    }

    private async Task<bool> IsGivenUpAsync(string key)
    {
        try
        {
            var doc = await clusters.GetAsync(key).ConfigureAwait(false);
            return doc is null || doc.LeaseOwner is null;
        }
        catch (DatabaseException)
        {
            return false;
        }
    }
}
