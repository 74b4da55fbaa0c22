using System.Net;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// Plays a load balancer in front of the frontends: polls each one's readiness every
/// <see cref="Interval"/> and sends requests only to those that reported ready, round robin.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private readonly List<(RpProcess Frontend, RpClient Client)> members = [];
    private readonly HashSet<RpProcess> ready = [];
    private readonly Management management = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task polling;
    private int next;

    public LoadBalancer(IEnumerable<RpProcess> frontends)
    {
        foreach (var frontend in frontends)
        {
            Add(frontend);
        }

        polling = Task.Run(PollAsync);
    }

    public void Add(RpProcess frontend)
    {
        lock (gate)
        {
            members.Add((frontend, new RpClient(frontend.Url!)));
        }
    }

    /// <summary>Whether <paramref name="frontend"/> is in rotation: its last readiness probe answered 200.</summary>
    public bool IsInRotation(RpProcess frontend)
    {
        lock (gate)
        {
            return ready.Contains(frontend);
        }
    }

    /// <summary>A client of the next ready frontend; null when none is ready.</summary>
    public RpClient? Next()
    {
        lock (gate)
        {
            var candidates = members.Where(m => ready.Contains(m.Frontend)).ToList();
            return candidates.Count == 0 ? null : candidates[next++ % candidates.Count].Client;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await polling;
        stop.Dispose();
        management.Dispose();
        lock (gate)
        {
            members.ForEach(m => m.Client.Dispose());
        }
    }

    private async Task PollAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            List<RpProcess> frontends;
            lock (gate)
            {
                frontends = members.Select(m => m.Frontend).ToList();
            }

            foreach (var frontend in frontends)
            {
                var readiness = await management.ReadyAsync(frontend);
                lock (gate)
                {
                    if (readiness.StatusCode == HttpStatusCode.OK)
                    {
                        ready.Add(frontend);
                    }
                    else
                    {
                        ready.Remove(frontend);
                    }
                }
            }

            try
            {
                await Task.Delay(Interval, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
