using System.Net;
using System.Text.Json.Nodes;

namespace Rp.Bench.Driver;

/// <summary><c>ready</c>: how long after its start the process answered 200 on its readiness endpoint.</summary>
internal static class ReadyProbe
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var url = args.Required("url");
        var started = args.Long("started-at-ns");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(args.Int("timeout-s", 120));
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Results.Write(args.Required("out"), new JsonObject { ["seconds"] = Results.Round(ProcessClock.Since(started).TotalSeconds, 3) });
                    return 0;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        Console.Error.WriteLine($"ready: {url} did not answer 200 in time");
        return 1;
    }
}
