namespace Rp.EndToEnd.Tests;

/// <summary>Waits for a background effect by asking again until it shows or a deadline passes.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls <paramref name="probe"/> until <paramref name="done"/> holds for its result; returns that result. <paramref name="cancellationToken"/> stops the waiting.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string description, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{description}: not reached within {timeout}; last seen: {value}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string description, CancellationToken cancellationToken = default) =>
        UntilAsync(() => Task.FromResult(condition()), held => held, timeout, description, cancellationToken);
}
