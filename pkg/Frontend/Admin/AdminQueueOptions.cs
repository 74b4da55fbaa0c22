namespace Rp.Frontend.Admin;

/// <summary>
/// The backend setting the queue status is reported against, read from the backend's own section
/// (<c>Backend</c>) so that one key configures both; the default is the backend's.
/// </summary>
public sealed class AdminQueueOptions
{
    public const string SectionName = "Backend";

    /// <summary>Deliveries after which the backend fails a document instead of retrying it.</summary>
    public int MaxDequeueCount { get; set; } = 5;
}
