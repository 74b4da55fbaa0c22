using System.Net;
using System.Text;
using System.Text.Json;

namespace Rp.Bench.Driver;

/// <summary>The requests every probe sends, as a client would: plain HTTP/1.1 with keep-alive.</summary>
internal static class RpRequests
{
    public const string ApiVersion = "2019-12-31-preview";

    // The quickstart's create: everything else takes its default; the pull secret is {"auths":{}}.
    private const string CreateBody = "{\"location\":\"eastus\",\"properties\":{\"pullSecret\":\"eyJhdXRocyI6e319\"}}";

    public static HttpClient Client(string baseUrl, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };

    public static string ClusterPath(string subscription, string resourceGroup, string name) =>
        $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/RedHat.OpenShift/OpenShiftClusters/{name}?api-version={ApiVersion}";

    public static string SubscriptionListPath(string subscription, int top) =>
        $"/subscriptions/{subscription}/providers/RedHat.OpenShift/OpenShiftClusters?api-version={ApiVersion}&$top={top}";

    /// <summary>PUTs a new cluster; throws unless it is accepted (201, or 200 for one that exists).</summary>
    public static async Task CreateAsync(HttpClient client, string path, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(CreateBody, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(path, content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }

    /// <summary>The cluster's provisioningState, or null while it does not exist.</summary>
    public static async Task<string?> ProvisioningStateAsync(HttpClient client, string path, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.GetProperty("properties").GetProperty("provisioningState").GetString();
    }

    /// <summary>Polls until the cluster is Succeeded; throws if it fails.</summary>
    public static async Task WaitSucceededAsync(HttpClient client, string path, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            switch (await ProvisioningStateAsync(client, path, cancellationToken).ConfigureAwait(false))
            {
                case "Succeeded":
                    return;
                case "Failed" or "Canceled":
                    throw new InvalidOperationException($"{path} did not succeed.");
            }

            if (pollInterval > TimeSpan.Zero)
            {
                await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
