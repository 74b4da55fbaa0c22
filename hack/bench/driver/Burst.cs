using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary>
/// <c>burst</c>: <c>--count</c> creates sent at once by <c>--clients</c> clients, each sending its share
/// back to back. End to end is from the first PUT sent to the last operation's end as the RP
/// recorded it (the async operation's <c>endTime</c>), read once every create has ended: the
/// measure does not poll while the RP works, so it costs the RP nothing. The PUTs' own rate and
/// latency show whether the backend's work starves the frontend.
/// </summary>
internal static class Burst
{
    private const string CreateBody = "{\"location\":\"eastus\",\"properties\":{\"pullSecret\":\"eyJhdXRocyI6e319\"}}";

    public static async Task<int> RunAsync(Arguments args)
    {
        var subscription = args.Required("subscription");
        var count = args.Int("count", 300);
        var clients = args.Int("clients", 16);
        using var client = RpRequests.Client(args.Required("url"), clients);
        var putLatencies = new Samples();
        var operations = new string[count];
        long lastPutAnswered = 0;

        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = c; i < count; i += clients)
            {
                var sent = Stopwatch.GetTimestamp();
                using var content = new StringContent(CreateBody, Encoding.UTF8, "application/json");
                using var response = await client.PutAsync(RpRequests.ClusterPath(subscription, "burst", $"b{i:D5}"), content).ConfigureAwait(false);
                var answered = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"PUT b{i:D5} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                }

                operations[i] = response.Headers.GetValues("Azure-AsyncOperation").Single();
                putLatencies.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                InterlockedMax(ref lastPutAnswered, answered);
            }
        }))).ConfigureAwait(false);

        // Every operation once it has ended (in the order the PUTs were sent, most are by then).
        var lastEnd = DateTimeOffset.MinValue;
        foreach (var operation in operations)
        {
            var ended = await EndTimeAsync(client, operation).ConfigureAwait(false);
            lastEnd = ended > lastEnd ? ended : lastEnd;
        }

        var seconds = (lastEnd - startedAt).TotalSeconds;
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

    /// <summary>The operation's endTime, polling its status until it has one; throws unless it Succeeded.</summary>
    private static async Task<DateTimeOffset> EndTimeAsync(HttpClient client, string operationUrl)
    {
        while (true)
        {
            using var response = await client.GetAsync(operationUrl).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
            var status = json.RootElement.GetProperty("status").GetString();
            if (status == "Succeeded")
            {
                return json.RootElement.GetProperty("endTime").GetDateTimeOffset();
            }

            if (status is "Failed" or "Canceled")
            {
                throw new InvalidOperationException($"{operationUrl} ended {status}.");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
