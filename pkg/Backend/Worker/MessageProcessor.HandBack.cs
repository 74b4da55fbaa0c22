using Rp.Database;
using Rp.Queue;

namespace Rp.Backend.Worker;

/// <summary>Ending a message: handing the document back for another worker, or deleting the message.</summary>
internal sealed partial class MessageProcessor
{
    /// <summary>
    /// Releases the lease, with the phases done but not yet written (still of the document's
    /// operation), and lets the message come back after <paramref name="delay"/>, for another worker
    /// or a retry.
    /// </summary>
    private async Task HandBackAsync(string key, string owner, string messageId, WorkState state, TimeSpan delay)
    {
        try
        {
            await clusters.PatchWithLeaseAsync(key, owner, time.GetUtcNow(), d =>
            {
                if (state.UnsavedProgress is { } progress && d.AsyncOperationId == progress.OperationId)
                {
                    d.OpenShiftCluster = progress.Cluster;
                }

                LogLeaseReleasing(logger, key, owner);
                d.LeaseOwner = null;
                d.LeaseExpires = null;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LeaseLostException or DatabaseException)
        {
            LogLost(logger, key, e.Message);
        }

        try
        {
            await queue.UpdateVisibilityAsync(messageId, state.PopReceipt, delay).ConfigureAwait(false);
        }
        catch (MessageLostException e)
        {
            LogLost(logger, key, e.Message);
        }
    }

    private async Task DeleteMessageAsync(string messageId, string popReceipt)
    {
        try
        {
            await queue.DeleteAsync(messageId, popReceipt).ConfigureAwait(false);
        }
        catch (MessageLostException e)
        {
            // Redelivered meanwhile: the next delivery finds nothing left to do.
            LogLost(logger, messageId, e.Message);
        }
    }
}
