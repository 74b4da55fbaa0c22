namespace Rp.Backend.Worker;

/// <summary>Backend settings (section <c>Backend</c>).</summary>
public sealed class BackendOptions
{
    public const string SectionName = "Backend";

    /// <summary>
    /// Concurrent workers in this process. A worker mostly waits for the database and the queue,
    /// so there are more of them than cores; their writes share transactions on the embedded store.
    /// </summary>
    public int Workers { get; set; } = 16;

    /// <summary>How long a document lease and a message's invisibility last without a heartbeat.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often both are renewed while a worker works.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A message delivered more often than this fails its document instead of looping.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// A phase's result is written once the phases run since the last write took at least this
    /// long; quicker ones are written with the next write. A checkpoint costs a database write; a
    /// crash makes the phases not yet written run again, which costs less than this.
    /// </summary>
    public TimeSpan CheckpointAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long an idle worker waits before asking the queue again. A message put by this process's
    /// forwarder wakes it at once; this is for messages put by other processes.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the subscriptions ARM reported Deleted are checked for clusters left to delete.</summary>
    public TimeSpan CascadeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A worker on one message for longer than this counts as stuck; the backend is not ready when every worker is.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a message that hit an unexpected error stays hidden before it is retried.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
