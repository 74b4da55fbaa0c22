using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests;

/// <summary>Speaks ARM's contract to one frontend over plain HTTP, as curl in the README does.</summary>
public sealed class RpClient : IDisposable
{
    public const string V20191231Preview = "2019-12-31-preview";
    public const string V20200430 = "2020-04-30";

    private readonly HttpClient http;

    public RpClient(string baseUrl)
    {
        BaseUrl = baseUrl;
        http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }

    /// <summary>PUT with the README's body: a location and a pull secret, everything else defaulted.</summary>
    public Task<RpResponse> PutClusterAsync(ClusterRef cluster, string pullSecretBase64, string apiVersion = V20191231Preview)
    {
        var body = new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = new JsonObject { ["pullSecret"] = pullSecretBase64 },
        };
        return SendAsync(HttpMethod.Put, $"{cluster.Path}?api-version={apiVersion}", body.ToJsonString());
    }

    public Task<RpResponse> GetClusterAsync(ClusterRef cluster, string apiVersion = V20191231Preview) =>
        SendAsync(HttpMethod.Get, $"{cluster.Path}?api-version={apiVersion}");

    public Task<RpResponse> DeleteClusterAsync(ClusterRef cluster, string apiVersion = V20191231Preview) =>
        SendAsync(HttpMethod.Delete, $"{cluster.Path}?api-version={apiVersion}");

    /// <summary>Every cluster of a subscription, following <c>nextLink</c>; null if a page failed.</summary>
    public async Task<IReadOnlyList<JsonNode>?> ListClustersAsync(string subscriptionId, string apiVersion = V20191231Preview)
    {
        var clusters = new List<JsonNode>();
        string? next = $"{BaseUrl}/subscriptions/{subscriptionId}/providers/RedHat.OpenShift/OpenShiftClusters?api-version={apiVersion}";
        while (next is not null)
        {
            var page = await GetUrlAsync(next);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            clusters.AddRange(page.Json["value"]!.AsArray().Select(c => c!));
            next = page.Json["nextLink"]?.GetValue<string>();
        }

        return clusters;
    }

    /// <summary>Any path on this frontend (with its query).</summary>
    public Task<RpResponse> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    public Task<RpResponse> PostAsync(string pathAndQuery) => SendAsync(HttpMethod.Post, pathAndQuery);

    /// <summary>Any request with a JSON body.</summary>
    public Task<RpResponse> SendJsonAsync(HttpMethod method, string pathAndQuery, JsonNode body) => SendAsync(method, pathAndQuery, body.ToJsonString());
    public Task<RpResponse> PutAsync(string pathAndQuery, string json) => SendAsync(HttpMethod.Put, pathAndQuery, json);

    /// <summary>Headers sent with every request (ARM's correlation ids, say).</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => http.DefaultRequestHeaders;

    /// <summary>An absolute URL the RP handed out (an <c>Azure-AsyncOperation</c>, a <c>nextLink</c>), asked of this frontend.</summary>
    public Task<RpResponse> GetUrlAsync(string url)
    {
        var uri = new Uri(url);
        return SendAsync(HttpMethod.Get, uri.PathAndQuery);
    }

    public void Dispose() => http.Dispose();

    private async Task<RpResponse> SendAsync(HttpMethod method, string pathAndQuery, string? json = null)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + pathAndQuery);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new RpResponse(
            response.StatusCode,
            body,
            response.Headers.TryGetValues("Azure-AsyncOperation", out var operation) ? operation.Single() : null,
            response.Headers.Location?.ToString());
    }
}
