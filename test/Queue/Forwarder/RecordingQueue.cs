using System.Collections.Concurrent;

namespace Rp.Queue.Tests.Forwarder;

/// <summary>Passes everything to the real queue and records each message put, with when.</summary>
internal sealed class RecordingQueue(IWorkQueue inner) : IWorkQueue
{
    private readonly ConcurrentQueue<(WorkItem Item, DateTimeOffset At)> puts = new();

    /// <summary>The work items put so far, in order.</summary>
    public IReadOnlyList<(WorkItem Item, DateTimeOffset At)> Puts => [.. puts];

    /// <summary>The documents put so far, in order (a document put twice appears twice).</summary>
    public IReadOnlyList<string> DocumentIds => [.. puts.Select(p => p.Item.DocumentId)];

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public async Task PutAsync(string body, CancellationToken cancellationToken = default)
    {
        await inner.PutAsync(body, cancellationToken);
        puts.Enqueue((WorkItem.TryParse(body) ?? throw new InvalidOperationException($"Not a work item: {body}"), DateTimeOffset.UtcNow));
    }

    public Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => inner.GetAsync(visibilityTimeout, cancellationToken);

    public Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.UpdateVisibilityAsync(messageId, popReceipt, visibilityTimeout, cancellationToken);

    public Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) => inner.DeleteAsync(messageId, popReceipt, cancellationToken);

    public Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default) => inner.GetStatusAsync(maxDequeueCount, cancellationToken);
}
