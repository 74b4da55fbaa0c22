using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>seed</c>: PUTs clusters <c>--from</c> .. <c>--from + --count</c> into one subscription through
/// the API, <c>--concurrency</c> requests at a time, a thousand per resource group.
/// </summary>
internal static class Seeder
{
    public static string ResourceGroup(int index) => $"seed-{index / 1000:D3}";

    public static string Name(int index) => $"c{index:D6}";

    public static async Task<int> RunAsync(Arguments args)
    {
        var subscription = args.Required("subscription");
        var from = args.Int("from", 0);
        var count = args.Int("count", 1000);
        var concurrency = args.Int("concurrency", 32);
        using var client = RpRequests.Client(args.Required("url"), concurrency);

        var latencies = new Samples();
        var next = from - 1;
        var end = from + count;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < end)
            {
                var sent = Stopwatch.GetTimestamp();
                await RpRequests.CreateAsync(client, RpRequests.ClusterPath(subscription, ResourceGroup(index), Name(index))).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        Results.Write(args.Required("out"), new JsonObject
        {
            ["clusters"] = count,
            ["seconds"] = Results.Round(seconds),
            ["perSecond"] = Results.Round(count / seconds, 0),
            ["p50Ms"] = Results.Round(latencies.Percentile(50)),
            ["p99Ms"] = Results.Round(latencies.Percentile(99)),
        });
        return 0;
    }
}
