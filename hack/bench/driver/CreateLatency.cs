using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>latency</c>: one create at a time, each timed from sending its PUT to the first GET that
/// shows it Succeeded (GETs <c>--poll-ms</c> apart). The first <c>--warmup</c> creates are not counted.
/// </summary>
internal static class CreateLatency
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var subscription = args.Required("subscription");
        var count = args.Int("count", 200);
        var warmup = args.Int("warmup", 10);
        var poll = TimeSpan.FromMilliseconds(args.Int("poll-ms", 1));
        using var client = RpRequests.Client(args.Required("url"), 1);
        var latencies = new Samples();
        for (var i = 0; i < warmup + count; i++)
        {
            var path = RpRequests.ClusterPath(subscription, "latency", $"l{i:D5}");
            var sent = Stopwatch.GetTimestamp();
            await RpRequests.CreateAsync(client, path).ConfigureAwait(false);
            await RpRequests.WaitSucceededAsync(client, path, poll).ConfigureAwait(false);
            if (i >= warmup)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }

        latencies.Write(args.Required("samples"));
        Results.Write(args.Required("out"), new JsonObject
        {
            ["creates"] = count,
            ["pollMs"] = poll.TotalMilliseconds,
            ["p50Ms"] = Results.Round(latencies.Percentile(50)),
            ["p90Ms"] = Results.Round(latencies.Percentile(90)),
            ["p99Ms"] = Results.Round(latencies.Percentile(99)),
            ["maxMs"] = Results.Round(latencies.Max()),
        });
        return 0;
    }
}
