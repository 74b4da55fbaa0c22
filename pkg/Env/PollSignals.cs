namespace Rp.Env;

/// <summary>The process's wake-ups, one per kind of work that a loop polls for (one instance per process).</summary>
public sealed class PollSignals
{
    /// <summary>A cluster document was written: the forwarder may have something to put on the queue.</summary>
    public PollSignal ClusterWrites { get; } = new();

    /// <summary>A message was put on the queue: an idle backend worker may take it.</summary>
    public PollSignal MessagesPut { get; } = new();
}
