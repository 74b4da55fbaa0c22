namespace Rp.Queue;

/// <summary>
/// The work queue port (the shape of an Azure Storage queue). A message taken with
/// <see cref="GetAsync"/> is invisible for the visibility timeout, then reappears with its
/// dequeue count one higher unless it was deleted. Every receipt-based call made with a stale
/// pop receipt throws <see cref="MessageLostException"/>.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Creates the queue if it does not exist.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a message that never expires and is visible at once.</summary>
    Task PutAsync(string body, CancellationToken cancellationToken = default);

    /// <summary>Takes the next visible message, hiding it for <paramref name="visibilityTimeout"/>; null when none is visible.</summary>
    Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>The heartbeat: hides the message for another <paramref name="visibilityTimeout"/> and returns the new pop receipt.</summary>
    Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default);

    /// <summary>
    /// The queue's depth, its oldest message and how many messages were delivered at least
    /// <paramref name="maxDequeueCount"/> times (see <see cref="QueueStatus"/>). Changes nothing.
    /// </summary>
    Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default);
}
