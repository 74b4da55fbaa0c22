namespace Rp.Queue.Forwarder;

/// <summary>The forwarder's last view of the leader lease, for its readiness.</summary>
public sealed class ForwarderStatus
{
    private readonly Lock gate = new();
    private DateTimeOffset? viewedAt;
    private bool leading;
    private bool stopped;

    /// <summary>The lease was read or written just now: this instance leads, or another does.</summary>
    public void Viewed(bool isLeading, DateTimeOffset now)
    {
        lock (gate)
        {
            leading = isLeading;
            viewedAt = now;
        }
    }

    public void Stopped()
    {
        lock (gate)
        {
            stopped = true;
            leading = false;
        }
    }

    public (bool Leading, DateTimeOffset? ViewedAt, bool Stopped) Snapshot()
    {
        lock (gate)
        {
            return (leading, viewedAt, stopped);
        }
    }
}
