namespace Rp.Env;

/// <summary>The process's wake-ups, one per kind of work that a loop polls for (one instance per process).</summary>
public sealed class PollSignals : IDisposable
{
    // One loop waits for cluster writes (the forwarder); a wake-up pending for it is enough.
    // Many workers wait for messages: one wake-up per message put, up to a bound that stops a
    // backlog from leaving a long trail of wake-ups behind.
    private const int MaxPendingMessageWakeUps = 1024;

    /// <summary>A cluster document was written: the forwarder may have something to put on the queue.</summary>
    public PollSignal ClusterWrites { get; } = new(maxPending: 1);

    /// <summary>Messages were put on the queue: as many idle backend workers may take one.</summary>
    public PollSignal MessagesPut { get; } = new(MaxPendingMessageWakeUps);

    public void Dispose()
    {
        ClusterWrites.Dispose();
        MessagesPut.Dispose();
    }
}
