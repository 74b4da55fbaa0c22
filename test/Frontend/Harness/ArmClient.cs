using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// Speaks to the RP as ARM would and checks, on every response, the rules every response must keep
/// (<see cref="ArmInvariants"/>), so that no test can let one slip.
/// </summary>
public sealed class ArmClient(HttpClient http) : IDisposable
{
    public Task<ArmResponse> GetAsync(string url, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, url, content: null, headers);

    public Task<ArmResponse> PutAsync(string url, JToken body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, url, Json(body), headers);

    public Task<ArmResponse> PatchAsync(string url, JToken body, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Patch, url, Json(body), headers);

    public Task<ArmResponse> DeleteAsync(string url, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Delete, url, content: null, headers);

    public Task<ArmResponse> PostAsync(string url, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, url, content: null, headers);

    public async Task<ArmResponse> SendAsync(HttpMethod method, string url, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value) && content is not null)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var responseHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var result = new ArmResponse(method, url, response.StatusCode, responseHeaders, text);
        ArmInvariants.Check(result);
        return result;
    }

    public void Dispose() => http.Dispose();

    private static StringContent Json(JToken body) => new(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
}
