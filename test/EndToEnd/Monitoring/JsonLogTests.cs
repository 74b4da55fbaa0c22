using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// In the JSON log format (production's default) the RP logs one JSON object per line (the built-in
/// JSON console formatter), and the ids that join a request's lines across processes are fields of those objects: request
/// id, correlation id and client request id in the frontend; document id, operation id and the
/// same correlation ids in the backend.
/// </summary>
public sealed class JsonLogTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Logs_JsonFormat_CarryTheRequestAndOperationIdsAsFields()
    {
        // Production's default format, chosen here by its key: production also wants ARM's client
        // certificate on every request (the production edge tests), which is not this test's subject.
        using var dir = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["Telemetry:LogFormat"] = "Json",
            ["Encryption:Keys:0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        RpProcess? rp = null;
        try
        {
            rp = await RpProcess.StartAsync(dir.Path, settings: settings);
            using var client = new RpClient(rp.Url!);
            var cluster = new ClusterRef(Guid.NewGuid().ToString(), "logs", "logged");
            var registration = await client.PutAsync($"/subscriptions/{cluster.SubscriptionId}?api-version=2.0", """{"state":"Registered","registrationDate":"2026-01-01T00:00:00Z","properties":{"tenantId":"11111111-2222-3333-4444-555555555555"}}""");
            registration.StatusCode.Should().Be(HttpStatusCode.Created, registration.Body);
            var correlationId = Guid.NewGuid().ToString();
            var clientRequestId = Guid.NewGuid().ToString();
            client.Headers.Add("x-ms-correlation-request-id", correlationId);
            client.Headers.Add("x-ms-client-request-id", clientRequestId);
            var put = await client.PutClusterAsync(cluster, new TestPullSecret().Base64);
            put.StatusCode.Should().Be(HttpStatusCode.Created, put.Body);
            await Poll.UntilAsync(() => client.GetClusterAsync(cluster), g => g.ProvisioningState == "Succeeded", Deadline, "the create Succeeded");
            await rp.WaitForOutputAsync("Succeeded", Deadline);

            var entries = rp.Lines.Where(l => l.Length > 0).Select(Parse).ToList();
            entries.Should().OnlyContain(e => e["Timestamp"] != null && e["LogLevel"] != null && e["Category"] != null && e["Message"] != null);

            var request = entries.First(e => Category(e) == "Rp.Frontend.Middleware.RequestIdMiddleware" && Message(e).StartsWith("PUT /subscriptions/" + cluster.SubscriptionId + "/resourceGroups", StringComparison.Ordinal));
            Guid.TryParse(Field(request, "MsRequestId"), out _).Should().BeTrue("the frontend's x-ms-request-id is a field");
            Field(request, "CorrelationRequestId").Should().Be(correlationId);
            Field(request, "ClientRequestId").Should().Be(clientRequestId);

            var work = entries.Where(e => Category(e) == "Rp.Backend.Worker.MessageProcessor" && Field(e, "OperationId") is not null).ToList();
            work.Should().NotBeEmpty("the backend's lines carry the operation they work on");
            work.Should().OnlyContain(e => Field(e, "DocumentId") != null && Field(e, "CorrelationRequestId") == correlationId && Field(e, "ClientRequestId") == clientRequestId && Field(e, "MsRequestId") == Field(request, "MsRequestId"));
            Field(work[0], "OperationId").Should().Be(put.AsyncOperation!.Split('/')[^1].Split('?')[0]);
        }
        finally
        {
            if (rp is not null)
            {
                RpProcesses.WriteLogs(output, [rp], lines: 10);
                await rp.DisposeAsync();
            }
        }
    }

    private static JsonNode Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON log line ({e.Message}): {line}");
        }
    }

    private static string Category(JsonNode entry) => entry["Category"]!.GetValue<string>();

    private static string Message(JsonNode entry) => entry["Message"]!.GetValue<string>();

    /// <summary>A field of one of the entry's scopes (the JSON formatter writes each scope's values as properties).</summary>
    private static string? Field(JsonNode entry, string name) =>
        (entry["Scopes"] as JsonArray ?? []).OfType<JsonObject>().Select(s => s[name]).FirstOrDefault(v => v is not null)?.ToString();
}
