using System.Net;
using System.Text;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Logging;

/// <summary>What the RP's logs carry (the request's ids, on every line of its work) and what they never carry (a secret).</summary>
public sealed class LoggingTests(LoggingPipelineFactory factory) : IClassFixture<LoggingPipelineFactory>, IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    [Fact]
    public async Task Create_WithCorrelationId_EveryLineOfTheRequestAndOfTheBackendsWorkCarriesIt()
    {
        var version = V20200430Version.Instance;
        var cluster = ClusterRef.New();
        var correlationId = Guid.NewGuid().ToString();
        var clientRequestId = Guid.NewGuid().ToString();

        var put = await arm.PutAsync(cluster.Url(version.Name), version.CreateBody(), ("x-ms-correlation-request-id", correlationId), ("x-ms-client-request-id", clientRequestId));
        put.ShouldHaveStatus(HttpStatusCode.Created);
        var requestId = put.Header("x-ms-request-id")!;
        await Eventually.UntilAsync(() => arm.GetAsync(cluster.Url(version.Name)), r => r.ProvisioningState() == "Succeeded", "the create to succeed");

        var lines = factory.Log.Lines;
        var request = lines.Where(l => l.Scopes.Contains(requestId, StringComparison.Ordinal)).ToList();
        request.Should().Contain(l => l.Category.EndsWith("OpenShiftClusterPutOrPatch", StringComparison.Ordinal), "the handler logs the accepted request");
        request.Should().OnlyContain(l => l.Scopes.Contains(correlationId, StringComparison.Ordinal) && l.Scopes.Contains(clientRequestId, StringComparison.Ordinal));

        var key = cluster.Id.ToLowerInvariant();
        var backend = lines.Where(l => l.Category.StartsWith("Rp.Backend.", StringComparison.Ordinal) && (l.Message.Contains(key, StringComparison.Ordinal) || l.Scopes.Contains(cluster.Id, StringComparison.Ordinal))).ToList();
        backend.Should().Contain(l => l.Category.EndsWith("MessageProcessor", StringComparison.Ordinal), "the worker logs its phases");
        backend.Should().Contain(l => l.Category.Contains("Installer", StringComparison.Ordinal), "the installer logs its phases");
        backend.Should().OnlyContain(l => l.Scopes.Contains(correlationId, StringComparison.Ordinal) && l.Scopes.Contains(clientRequestId, StringComparison.Ordinal), "the backend's lines about this cluster carry the request's ids");
        lines.Should().Contain(l => l.Category.EndsWith("Forwarder", StringComparison.Ordinal) && l.Message.Contains(key, StringComparison.Ordinal) && l.Message.Contains(correlationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullRun_CreateCredentialsAdminCredentialsDelete_NoSecretInAnyLogLine()
    {
        var secrets = new List<string>();
        foreach (var version in new ApiVersionCase[] { PreviewVersion.Instance, V20200430Version.Instance })
        {
            var cluster = ClusterRef.New();
            secrets.AddRange(version.Secrets);
            (await arm.PutAsync(cluster.Url(version.Name), version.CreateBody())).ShouldHaveStatus(HttpStatusCode.Created);
            await Eventually.UntilAsync(() => arm.GetAsync(cluster.Url(version.Name)), r => r.ProvisioningState() == "Succeeded", "the create to succeed");

            var credentials = await arm.PostAsync(cluster.Url(version.Name, "/listCredentials"));
            credentials.ShouldHaveStatus(HttpStatusCode.OK);
            secrets.Add((string)credentials.Body["kubeadminPassword"]!);
            if (version == V20200430Version.Instance)
            {
                var admin = await arm.PostAsync(cluster.Url(version.Name, "/listAdminCredentials"));
                admin.ShouldHaveStatus(HttpStatusCode.OK);
                var kubeconfig = Encoding.UTF8.GetString(Convert.FromBase64String((string)admin.Body["kubeconfig"]!));
                secrets.Add((string)admin.Body["kubeconfig"]!);
                secrets.AddRange(kubeconfig.Split('\n').Where(l => l.Contains("client-key-data", StringComparison.Ordinal)).Select(l => l.Split(':', 2)[1].Trim()));
            }

            (await arm.DeleteAsync(cluster.Url(version.Name))).ShouldHaveStatus(HttpStatusCode.Accepted);
            await Eventually.UntilAsync(() => arm.GetAsync(cluster.Url(version.Name)), r => r.StatusCode == HttpStatusCode.NotFound, "the delete to finish");
        }

        var lines = factory.Log.Lines;
        lines.Should().HaveCountGreaterThan(20, "the run is logged");
        secrets.Should().OnlyContain(s => s.Length >= 8);
        foreach (var secret in secrets)
        {
            lines.Should().NotContain(l => l.All.Contains(secret, StringComparison.Ordinal), "no log line may carry a secret");
        }
    }

    [Fact]
    public async Task SubscriptionNotification_Body_IsNeverLogged()
    {
        var subscriptionId = ClusterRef.NewSubscriptionId();
        var marker = $"quota-{Guid.NewGuid():N}";
        var body = Subscriptions.Body("Registered");
        body["properties"]!["quotaId"] = marker;

        (await arm.PutAsync($"/subscriptions/{subscriptionId}?api-version=2.0", body)).ShouldHaveStatus(HttpStatusCode.Created);

        var lines = factory.Log.Lines;
        lines.Should().Contain(l => l.Message.Contains(subscriptionId, StringComparison.Ordinal), "the state change itself is logged");
        lines.Should().NotContain(l => l.All.Contains(marker, StringComparison.Ordinal) || l.All.Contains(Subscriptions.TenantId, StringComparison.Ordinal));
    }

    public void Dispose() => arm.Dispose();
}
