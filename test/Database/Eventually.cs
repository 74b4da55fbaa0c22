using Xunit.Sdk;

namespace Rp.Database.Tests;

/// <summary>Waits for a background effect by polling a condition until a deadline.</summary>
public static class Eventually
{
    /// <summary>Long enough for any effect of these tests on a loaded machine; a passing test waits far less.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Probes until <paramref name="done"/> holds and returns that value; fails the test naming <paramref name="what"/> after the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new XunitException($"Timed out after {Deadline.TotalSeconds} s waiting for {what}; last seen: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what) =>
        UntilAsync(() => Task.FromResult(condition()), done => done, what);
}
