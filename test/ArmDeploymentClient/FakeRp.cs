using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient.Tests;

/// <summary>
/// An RP that answers as the real one does, in memory: preflight, PUT 201 with
/// Azure-AsyncOperation and Retry-After, a status that runs once then ends, and GET of the
/// resource. It records every request, and can hold PUTs until several have arrived.
/// </summary>
public sealed class FakeRp : HttpMessageHandler
{
    public const string BaseUrl = "http://rp.test/";
    public const int RetryAfterSeconds = 7;

    private readonly ConcurrentDictionary<string, int> polls = new();
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];

    /// <summary>The preflight's answer.</summary>
    public JObject PreflightResult { get; set; } = new() { ["status"] = "Succeeded" };

    /// <summary>Resource names whose operation ends Failed, with this error.</summary>
    public Dictionary<string, JObject> Failures { get; } = [];

    /// <summary>PUTs of these names are answered only once all of them have arrived (or after 10 s).</summary>
    public HashSet<string> HoldTogether { get; } = [];

    public bool HeldPutsArrivedTogether { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (gate) { return [.. requests]; } }
    }

    private TaskCompletionSource AllHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body == null ? null : JObject.Parse(body));
        lock (gate)
        {
            requests.Add(recorded);
        }

        var path = request.RequestUri!.AbsolutePath;
        var name = path.Split('/')[^1];
        if (request.Method == HttpMethod.Post && path.EndsWith("/preflight", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, PreflightResult);
        }

        if (request.Method == HttpMethod.Put)
        {
            if (HoldTogether.Contains(name))
            {
                lock (gate)
                {
                    if (HoldTogether.All(h => requests.Any(r => r.Method == "PUT" && r.Name == h)))
                    {
                        HeldPutsArrivedTogether = true;
                        AllHeld.TrySetResult();
                    }
                }

                await Task.WhenAny(AllHeld.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
            }

            var created = Json(HttpStatusCode.Created, new JObject { ["name"] = name, ["properties"] = new JObject { ["provisioningState"] = "Creating" } });
            created.Headers.Add("Azure-AsyncOperation", $"{BaseUrl}operationsStatus/{name}");
            created.Headers.Add("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return created;
        }

        if (path.StartsWith("/operationsStatus/", StringComparison.Ordinal))
        {
            if (polls.AddOrUpdate(name, 1, (_, n) => n + 1) == 1)
            {
                var running = Json(HttpStatusCode.OK, new JObject { ["status"] = "Creating" });
                running.Headers.Add("Retry-After", "3");
                return running;
            }

            return Failures.TryGetValue(name, out var error)
                ? Json(HttpStatusCode.OK, new JObject { ["status"] = "Failed", ["error"] = error })
                : Json(HttpStatusCode.OK, new JObject { ["status"] = "Succeeded" });
        }

        return Json(HttpStatusCode.OK, new JObject
        {
            ["name"] = name,
            ["properties"] = new JObject { ["provisioningState"] = "Succeeded", ["consoleProfile"] = new JObject { ["url"] = $"https://console.{name}.example/" } },
        });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JObject body) =>
        new(status) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
}
