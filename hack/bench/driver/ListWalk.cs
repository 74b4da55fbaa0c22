using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>list</c>: walks a subscription's clusters page by page through <c>nextLink</c>, timing each
/// page, after an untimed walk of its first <c>--warmup</c> pages (the first requests of a path
/// pay for its compilation).
/// </summary>
internal static class ListWalk
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var top = args.Int("top", 100);
        var expected = args.Int("expect", -1);
        using var client = RpRequests.Client(args.Required("url"), 1);
        string? warm = RpRequests.SubscriptionListPath(args.Required("subscription"), top);
        for (var page = 0; page < args.Int("warmup", 5) && warm is not null; page++)
        {
            using var json = JsonDocument.Parse(await client.GetByteArrayAsync(warm).ConfigureAwait(false));
            warm = json.RootElement.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        }

        var latencies = new Samples();
        var items = 0;
        string? next = RpRequests.SubscriptionListPath(args.Required("subscription"), top);
        var started = Stopwatch.GetTimestamp();
        while (next is not null)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(next).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(body);
            items += json.RootElement.GetProperty("value").GetArrayLength();
            next = json.RootElement.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (expected >= 0 && items != expected)
        {
            Console.Error.WriteLine($"list: walked {items} clusters, expected {expected}");
            return 1;
        }

        Results.Write(args.Required("out"), new JsonObject
        {
            ["clusters"] = items,
            ["pages"] = latencies.Count,
            ["seconds"] = Results.Round(seconds),
            ["p50Ms"] = Results.Round(latencies.Percentile(50)),
            ["p90Ms"] = Results.Round(latencies.Percentile(90)),
            ["p99Ms"] = Results.Round(latencies.Percentile(99)),
            ["maxMs"] = Results.Round(latencies.Max()),
        });
        return 0;
    }
}
