using System.Net;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>Asks an rp process's management listener for its readiness.</summary>
public sealed class Management : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The status of <c>/healthz/ready</c> and its JSON detail; 0 and null when the listener does not answer.</summary>
    public async Task<Readiness> ReadyAsync(RpProcess rp)
    {
        try
        {
            using var response = await http.GetAsync(rp.ManagementUrl + "/healthz/ready");
            var body = await response.Content.ReadAsStringAsync();
            return new Readiness(response.StatusCode, body.Length > 0 ? JsonNode.Parse(body) : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Readiness(0, null);
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>A readiness answer: the status code and each check's status.</summary>
public sealed record Readiness(HttpStatusCode StatusCode, JsonNode? Body)
{
    public bool IsReady => StatusCode == HttpStatusCode.OK;

    public string? Check(string name) => Body?["checks"]?[name]?["status"]?.GetValue<string>();

    public override string ToString() => $"{(int)StatusCode} {Body?.ToJsonString()}";
}
