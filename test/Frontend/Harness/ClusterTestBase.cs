using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>What the per-version cluster suites share: a client, the version's bodies and the requests they send.</summary>
public abstract class ClusterTestBase(RpFactory factory, ApiVersionCase version) : IDisposable
{
    private static readonly string[] TerminalStates = ["Succeeded", "Failed", "Canceled"];

    protected RpFactory Factory => factory;

    protected ApiVersionCase Version => version;

    protected ArmClient Arm { get; } = factory.CreateArmClient();

    protected SimulatedBackend Backend { get; } = new(factory);

    public void Dispose()
    {
        Arm.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<ArmResponse> PutAsync(ClusterRef cluster, JObject? body = null, params (string Name, string Value)[] headers) =>
        Arm.PutAsync(cluster.Url(Version.Name), body ?? Version.CreateBody(), headers);

    protected Task<ArmResponse> GetAsync(ClusterRef cluster, params (string Name, string Value)[] headers) =>
        Arm.GetAsync(cluster.Url(Version.Name), headers);

    protected Task<ArmResponse> PatchAsync(ClusterRef cluster, JObject body, params (string Name, string Value)[] headers) =>
        Arm.PatchAsync(cluster.Url(Version.Name), body, headers);

    protected Task<ArmResponse> DeleteAsync(ClusterRef cluster, params (string Name, string Value)[] headers) =>
        Arm.DeleteAsync(cluster.Url(Version.Name), headers);

    protected Task<ArmResponse> PostAsync(ClusterRef cluster, string action, params (string Name, string Value)[] headers) =>
        Arm.PostAsync(cluster.Url(Version.Name, "/" + action), headers);

    protected Task<ArmResponse> ListAsync(string listPath, string query = "") =>
        Arm.GetAsync($"{listPath}?api-version={Version.Name}{query}");

    /// <summary>Creates the cluster and, on the frontend alone, ends its create as the backend would.</summary>
    protected async Task<ArmResponse> CreateSucceededAsync(ClusterRef cluster, JObject? body = null)
    {
        (await PutAsync(cluster, body)).ShouldHaveStatus(HttpStatusCode.Created);
        await Backend.EndOperationAsync(cluster);
        var get = await GetAsync(cluster);
        get.ProvisioningState().Should().Be("Succeeded");
        return get;
    }

    /// <summary>Polls an <c>Azure-AsyncOperation</c> URL until the operation is terminal (full pipeline).</summary>
    protected async Task<JObject> WaitForOperationAsync(string asyncOperationUrl)
    {
        var response = await Eventually.UntilAsync(
            () => Arm.GetAsync(asyncOperationUrl),
            r => r.StatusCode == HttpStatusCode.OK && TerminalStates.Contains((string?)r.Body["status"]),
            $"the operation {asyncOperationUrl} to end");
        return response.Body;
    }

    /// <summary>The operationResults URL of the operation behind an <c>Azure-AsyncOperation</c> URL.</summary>
    protected static string OperationResultsUrl(string asyncOperationUrl) =>
        asyncOperationUrl.Replace("/operationsStatus/", "/operationResults/", StringComparison.Ordinal);

    protected void ShouldContainNoSecret(ArmResponse response)
    {
        foreach (var secret in Version.Secrets)
        {
            response.Text.Should().NotContain(secret, "no response but the credentials actions' carries a secret: {0}", response);
        }
    }
}
