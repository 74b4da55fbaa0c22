using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>
/// Speaks to the RP as ARM's deployment engine does: every request with <c>Referer</c> (so the
/// RP's async URLs point back here), the deployment's <c>x-ms-correlation-request-id</c>, a new
/// <c>x-ms-client-request-id</c>, and on PUT <c>x-ms-arm-resource-system-data</c>.
/// </summary>
public sealed class RpClient(Uri baseUrl, string correlationId, RpClientOptions options, TimeProvider time)
{
    private readonly HttpPipeline pipeline = HttpPipelineBuilder.Build(options);

    public TimeSpan DefaultPollInterval => options.DefaultPollInterval;

    public Task<RpResponse> PreflightAsync(DeploymentScope scope, JArray resources, CancellationToken cancellationToken = default) =>
        SendAsync(
            RequestMethod.Post,
            new Uri(baseUrl, $"subscriptions/{scope.SubscriptionId}/resourceGroups/{scope.ResourceGroup}/providers/Microsoft.Resources/deployments/{scope.DeploymentName}/preflight?api-version=2020-06-01"),
            new JObject { ["resources"] = resources },
            cancellationToken: cancellationToken);

    public Task<RpResponse> PutAsync(string id, string apiVersion, JObject body, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        var user = Environment.UserName;
        var systemData = new JObject
        {
            ["createdBy"] = user,
            ["createdByType"] = "User",
            ["createdAt"] = now,
            ["lastModifiedBy"] = user,
            ["lastModifiedByType"] = "User",
            ["lastModifiedAt"] = now,
        };
        return SendAsync(RequestMethod.Put, ResourceUrl(id, apiVersion), body, systemData, cancellationToken);
    }

    public Task<RpResponse> GetAsync(string id, string apiVersion, CancellationToken cancellationToken = default) =>
        SendAsync(RequestMethod.Get, ResourceUrl(id, apiVersion), body: null, cancellationToken: cancellationToken);

    /// <summary>GET of an absolute URL the RP gave (Azure-AsyncOperation or Location).</summary>
    public Task<RpResponse> GetAsync(Uri url, CancellationToken cancellationToken = default) =>
        SendAsync(RequestMethod.Get, url, body: null, cancellationToken: cancellationToken);

    private Uri ResourceUrl(string id, string apiVersion) => new(baseUrl, $"{id.TrimStart('/')}?api-version={Uri.EscapeDataString(apiVersion)}");

    private async Task<RpResponse> SendAsync(RequestMethod method, Uri url, JObject? body, JObject? systemData = null, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(url);
        request.Headers.Add("Referer", url.AbsoluteUri);
        request.Headers.Add("x-ms-correlation-request-id", correlationId);
        request.Headers.Add("x-ms-client-request-id", Guid.NewGuid().ToString());
        if (systemData is not null)
        {
            request.Headers.Add("x-ms-arm-resource-system-data", systemData.ToString(Formatting.None));
        }

        if (body is not null)
        {
            request.Headers.Add("Content-Type", "application/json");
            request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToString(Formatting.None)));
        }

        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        JObject? json = null;
        var text = response.Content.ToString();
        if (text.Length > 0)
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                json = JToken.ReadFrom(reader) as JObject;
            }
            catch (JsonException)
            {
                json = null;
            }
        }

        TimeSpan? retryAfter = response.Headers.TryGetValue("Retry-After", out var seconds) && int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
        response.Headers.TryGetValue("Azure-AsyncOperation", out var asyncOperation);
        response.Headers.TryGetValue("Location", out var location);
        return new RpResponse(response.Status, json, asyncOperation, location, retryAfter);
    }
}
