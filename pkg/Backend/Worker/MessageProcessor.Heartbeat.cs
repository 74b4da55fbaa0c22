using Rp.Database;

namespace Rp.Backend.Worker;

/// <summary>The heartbeat: renews the message's visibility and the document's lease while the work runs, and stops the work when either is lost.</summary>
internal sealed partial class MessageProcessor
{
    private async Task HeartbeatAsync(string messageId, string key, string owner, WorkState state, CancellationTokenSource work)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Options.HeartbeatInterval, time, work.Token).ConfigureAwait(false);

                // Not canceled with the work: a renewal the queue has applied issues a new pop
                // receipt, and only that receipt can delete the message once the work is done.
                // The queue hides the message until at least LeaseDuration after this moment.
                var renewing = time.GetUtcNow();
                state.PopReceipt = await queue.UpdateVisibilityAsync(messageId, state.PopReceipt, Options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
                var doc = await clusters.PatchWithLeaseAsync(key, owner, time.GetUtcNow(), d => d.LeaseExpires = time.GetUtcNow() + Options.LeaseDuration, work.Token).ConfigureAwait(false);
                state.LeaseHeldUntil(Earliest(doc.LeaseExpires!.Value, renewing + Options.LeaseDuration));
                state.Observe(doc.AsyncOperationId);
            }
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            // The work ended.
        }
        catch (Exception e)
        {
            // Without a heartbeat this worker cannot know it still owns the document: stop. The
            // usual reason is no loss at all: the work has just released or deleted the document.
            if (e is not LeaseLostException || !await IsGivenUpAsync(key).ConfigureAwait(false))
            {
                LogHeartbeatLost(logger, key, e.Message);
                BackendTelemetry.HeartbeatsLost.Add(1);
            }

            await work.CancelAsync().ConfigureAwait(false);
        }
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
