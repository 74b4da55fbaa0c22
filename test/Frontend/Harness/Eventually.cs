using System.Diagnostics;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Waits for a background effect by polling a condition until a deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe().ConfigureAwait(false);
            if (done(value))
            {
                return value;
            }

            if (deadline.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException($"Timed out after {deadline.Elapsed.TotalSeconds:0.0} s waiting for {what}; last seen: {value}");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }
}
