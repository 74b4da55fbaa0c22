using System.Globalization;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>drain</c>: watches a restarted RP work through a backlog of creates. Progress is the
/// process's own count of creates that ended Succeeded (<c>rp.operations.finished</c> on its
/// management listener), so watching costs the RP almost nothing; its RSS is sampled meanwhile.
/// </summary>
internal static class BacklogDrain
{
    private const string FinishedMetric = "rp_operations_finished";

    public static async Task<int> RunAsync(Arguments args)
    {
        var metricsUrl = args.Required("metrics");
        var expected = args.Int("count", 100_000);
        var pid = args.Int("pid", 0);
        var started = args.Long("started-at-ns");
        var timeout = TimeSpan.FromSeconds(args.Int("timeout-s", 3600));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var peakRss = 0.0;
        var lastReport = TimeSpan.Zero;
        var timeline = new List<string> { "seconds,succeeded,rssMiB" };
        while (true)
        {
            var elapsed = ProcessClock.Since(started);
            var done = SucceededCreates(await client.GetStringAsync(metricsUrl).ConfigureAwait(false));
            var rss = ProcessClock.MemoryMiB(pid, "VmRSS") ?? 0;
            peakRss = Math.Max(peakRss, rss);
            timeline.Add(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0},{done},{rss:0}"));
            if (elapsed - lastReport >= TimeSpan.FromSeconds(15))
            {
                lastReport = elapsed;
                Console.Error.WriteLine($"   drain: {done}/{expected} after {elapsed.TotalSeconds:0} s, RSS {rss:0} MiB");
            }

            if (done >= expected)
            {
                peakRss = Math.Max(peakRss, ProcessClock.MemoryMiB(pid, "VmHWM") ?? 0);
                File.WriteAllLines(args.Required("timeline"), timeline);
                Results.Write(args.Required("out"), new JsonObject
                {
                    ["creates"] = done,
                    ["seconds"] = Results.Round(elapsed.TotalSeconds, 1),
                    ["createsPerSecond"] = Results.Round(done / elapsed.TotalSeconds, 0),
                    ["peakRssMiB"] = Results.Round(peakRss, 0),
                });
                return 0;
            }

            if (elapsed > timeout)
            {
                File.WriteAllLines(args.Required("timeline"), timeline);
                Console.Error.WriteLine($"drain: only {done} of {expected} creates succeeded in {timeout}");
                return 1;
            }

            await Task.Delay(500).ConfigureAwait(false);
        }
    }

    /// <summary>The sum of the Prometheus counter's create/Succeeded series.</summary>
    private static long SucceededCreates(string exposition)
    {
        long total = 0;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(FinishedMetric, StringComparison.Ordinal)
                && line.Contains("rp_operation_type=\"create\"", StringComparison.Ordinal)
                && line.Contains("rp_operation_result=\"Succeeded\"", StringComparison.Ordinal))
            {
                var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
                total += (long)double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
