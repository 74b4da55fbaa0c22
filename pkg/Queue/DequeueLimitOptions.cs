namespace Rp.Queue;

/// <summary>
/// The backend's dequeue limit, which the queue's status is reported against (the admin API, the
/// backlog metrics), read from the backend's own section (<c>Backend</c>) so that one key
/// configures both; the default is the backend's.
/// </summary>
public sealed class DequeueLimitOptions
{
    public const string SectionName = "Backend";

    /// <summary>Deliveries after which the backend fails a document instead of retrying it.</summary>
    public int MaxDequeueCount { get; set; } = 5;
}
