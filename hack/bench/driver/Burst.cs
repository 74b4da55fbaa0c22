using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>burst</c>: <c>--count</c> creates sent at once by <c>--clients</c> clients (each sends its share
/// back to back, then polls its clusters until every one is Succeeded, <c>--poll-ms</c> apart).
/// End to end is from the first PUT sent to the last cluster seen Succeeded; the PUTs' own rate
/// and latency show whether the backend's work starves the frontend.
/// </summary>
internal static class Burst
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var subscription = args.Required("subscription");
        var count = args.Int("count", 300);
        var clients = args.Int("clients", 16);
        var poll = TimeSpan.FromMilliseconds(args.Int("poll-ms", 10));
        using var client = RpRequests.Client(args.Required("url"), clients);
        var putLatencies = new Samples();
        long lastPutAnswered = 0;
        long lastSucceeded = 0;

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var paths = Enumerable.Range(0, count).Where(i => i % clients == c).Select(i => RpRequests.ClusterPath(subscription, "burst", $"b{i:D5}")).ToList();
            foreach (var path in paths)
            {
                var sent = Stopwatch.GetTimestamp();
                await RpRequests.CreateAsync(client, path).ConfigureAwait(false);
                var answered = Stopwatch.GetTimestamp();
                putLatencies.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                InterlockedMax(ref lastPutAnswered, answered);
            }

            foreach (var path in paths)
            {
                await RpRequests.WaitSucceededAsync(client, path, poll).ConfigureAwait(false);
                InterlockedMax(ref lastSucceeded, Stopwatch.GetTimestamp());
            }
        }))).ConfigureAwait(false);

        var seconds = Stopwatch.GetElapsedTime(started, lastSucceeded).TotalSeconds;
        var putSeconds = Stopwatch.GetElapsedTime(started, lastPutAnswered).TotalSeconds;
        Results.Write(args.Required("out"), new JsonObject
        {
            ["creates"] = count,
            ["clients"] = clients,
            ["seconds"] = Results.Round(seconds, 3),
            ["createsPerSecond"] = Results.Round(count / seconds, 0),
            ["putSeconds"] = Results.Round(putSeconds, 3),
            ["putsPerSecond"] = Results.Round(count / putSeconds, 0),
            ["putP50Ms"] = Results.Round(putLatencies.Percentile(50)),
            ["putP99Ms"] = Results.Round(putLatencies.Percentile(99)),
        });
        return 0;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
