using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests.Faults;

/// <summary>
/// A client that behaves as ARM does towards an RP: it sends each request to a live frontend and
/// retries it when the connection fails (the frontend was killed) or the answer is a 5xx, after
/// the answer's <c>Retry-After</c>, until it gets a 2xx or a 4xx. Every 5xx must be a CloudError
/// with <c>Retry-After</c>; a request that gets no answer at all (a hang) fails the run.
/// </summary>
public sealed class RetryingClient(RoleFleet fleet, FaultCounts counts, Func<bool> outage) : IDisposable
{
    private const int MaxAttempts = 300;

    /// <summary>Longer than any answer may take: the frontends time requests out well before.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly HttpClient http = new() { Timeout = Hang };

    public async Task<RpResponse> SendAsync(HttpMethod method, string pathAndQuery, string? json = null)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (fleet.FrontendUrl() is not { } frontend)
            {
                await Task.Delay(100);
                continue;
            }

            using var request = new HttpRequestMessage(method, frontend + pathAndQuery);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            var during = outage();
            var clock = Stopwatch.StartNew();
            HttpStatusCode status;
            string body;
            string? asyncOperation;
            string? retryAfter;
            try
            {
                using var response = await http.SendAsync(request);
                body = await response.Content.ReadAsStringAsync();
                status = response.StatusCode;
                asyncOperation = response.Headers.TryGetValues("Azure-AsyncOperation", out var values) ? values.Single() : null;
                retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            }
            catch (TaskCanceledException)
            {
                throw new TimeoutException($"{method} {pathAndQuery}: no answer from {frontend} within {Hang.TotalSeconds} s{(during ? " during an outage" : "")}.");
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // The frontend died under the request: ARM sends it again.
                counts.Retry();
                continue;
            }

            if (during || outage())
            {
                counts.OutageAnswer(clock.Elapsed, (int)status >= 500);
            }

            if ((int)status < 500)
            {
                return new RpResponse(status, body, asyncOperation, null);
            }

            if (JsonNode.Parse(body)?["error"]?["code"] is null || retryAfter is null)
            {
                throw new InvalidOperationException($"{method} {pathAndQuery}: a {(int)status} without a CloudError body and Retry-After: '{body}'");
            }

            counts.Retry();
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(double.Parse(retryAfter, CultureInfo.InvariantCulture), 1)));
        }

        throw new InvalidOperationException($"{method} {pathAndQuery}: no 2xx or 4xx answer in {MaxAttempts} attempts.");
    }

    public void Dispose() => http.Dispose();
}
