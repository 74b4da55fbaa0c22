namespace Rp.Backend.Worker;

/// <summary>
/// What the backend's workers are doing, for its readiness: whether their loops run, and since
/// when each has been on the message it holds.
/// </summary>
internal sealed class BackendWorkers
{
    private readonly Lock gate = new();
    private DateTimeOffset?[] busySince = [];
    private bool running;

    public void Started(int workers)
    {
        lock (gate)
        {
            busySince = new DateTimeOffset?[workers];
            running = true;
        }
    }

    public void Stopped()
    {
        lock (gate)
        {
            running = false;
        }
    }

    public void Began(int worker, DateTimeOffset now)
    {
        lock (gate)
        {
            busySince[worker] = now;
        }
    }

    public void Ended(int worker)
    {
        lock (gate)
        {
            busySince[worker] = null;
        }
    }

    /// <summary>Whether the loops run, how many workers there are, and how many have held one message since before <paramref name="stuckBefore"/>.</summary>
    public (bool Running, int Workers, int Busy, int Stuck) Snapshot(DateTimeOffset stuckBefore)
    {
        lock (gate)
        {
            return (running, busySince.Length, busySince.Count(b => b is not null), busySince.Count(b => b < stuckBefore));
        }
    }
}
