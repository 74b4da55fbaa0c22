using Azure.Core.Pipeline;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Rp.ArmDeploymentClient.Tests;

/// <summary>
/// The deployment against an RP in memory: preflight first, PUTs in dependsOn order and
/// independent ones together, ARM's headers, Retry-After honoured, the first failure's error,
/// and outputs from the deployed resources. The template engine is the real one.
/// </summary>
public sealed class DeploymentRunnerTests(DeploymentRunnerTests.SucceededDeployment succeeded) : IClassFixture<DeploymentRunnerTests.SucceededDeployment>
{
    private const string PullSecret = """{"auths":{"registry.example.com":{"auth":"c2VjcmV0"}}}""";
    private const string ClusterType = "RedHat.OpenShift/openShiftClusters";

    private static readonly DeploymentScope Scope = new("11111111-2222-3333-4444-555555555555", "rg", "eastus", "test");

    private readonly Deployment failing = new();

    /// <summary>Clusters a and c independent, b after a; the output is a's console URL.</summary>
    private static JObject Template() => JObject.Parse($$"""
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "pullSecret": { "type": "securestring" } },
          "resources": [
            { "type": "{{ClusterType}}", "apiVersion": "2020-04-30", "name": "a", "location": "[resourceGroup().location]", "properties": { "clusterProfile": { "pullSecret": "[parameters('pullSecret')]" } } },
            { "type": "{{ClusterType}}", "apiVersion": "2020-04-30", "name": "b", "location": "eastus", "dependsOn": [ "[resourceId('{{ClusterType}}', 'a')]" ], "properties": { "clusterProfile": { "pullSecret": "[parameters('pullSecret')]" } } },
            { "type": "{{ClusterType}}", "apiVersion": "2020-04-30", "name": "c", "location": "eastus", "tags": { "x": "y" } }
          ],
          "outputs": {
            "consoleA": { "type": "string", "value": "[reference(resourceId('{{ClusterType}}', 'a'), '2020-04-30').consoleProfile.url]" }
          }
        }
        """);

    [Fact]
    public void RunAsync_ThreeClusters_PutsInDependsOnOrderWithIndependentOnesTogether()
    {
        succeeded.Result.Succeeded.Should().BeTrue(succeeded.Output.ToString());
        succeeded.Rp.HeldPutsArrivedTogether.Should().BeTrue("a and c depend on nothing, so both are PUT before either is answered");
        var requests = succeeded.Rp.Requests.ToList();
        requests[0].Url.AbsolutePath.Should().EndWith("/providers/Microsoft.Resources/deployments/test/preflight");
        var putB = requests.FindIndex(r => r.Method == "PUT" && r.Name == "b");
        var aSucceeded = requests.FindLastIndex(r => r.Url.AbsolutePath == "/operationsStatus/a");
        putB.Should().BeGreaterThan(aSucceeded, "b is PUT only once a's operation has Succeeded");
    }

    [Fact]
    public void RunAsync_Requests_CarryArmsHeaders()
    {
        var requests = succeeded.Rp.Requests;
        requests.Should().OnlyContain(r => r.Header("Referer") == r.Url.AbsoluteUri, "the RP's async URLs point back where the request went");
        requests.Select(r => r.Header("x-ms-correlation-request-id")).Distinct().Should().ContainSingle().Which.Should().MatchRegex("^[0-9a-f-]{36}$");
        requests.Select(r => r.Header("x-ms-client-request-id")).Should().OnlyHaveUniqueItems().And.OnlyContain(id => IsGuid(id));
        foreach (var put in requests.Where(r => r.Method == "PUT"))
        {
            var systemData = JObject.Parse(put.Header("x-ms-arm-resource-system-data")!);
            systemData.Properties().Select(p => p.Name).Should().BeEquivalentTo("createdBy", "createdByType", "createdAt", "lastModifiedBy", "lastModifiedByType", "lastModifiedAt");
            put.Url.Query.Should().Be("?api-version=2020-04-30");
        }
    }

    [Fact]
    public void RunAsync_PutBodies_HaveTheSecretFilledInAndNoTemplateFields()
    {
        var rp = succeeded.Rp;
        var a = rp.Requests.Single(r => r.Method == "PUT" && r.Name == "a").Body!;
        ((string?)a.SelectToken("properties.clusterProfile.pullSecret")).Should().Be(PullSecret);
        ((string?)a["location"]).Should().Be("eastus");
        a.Properties().Select(p => p.Name).Should().BeEquivalentTo("location", "properties");
        var c = rp.Requests.Single(r => r.Method == "PUT" && r.Name == "c").Body!;
        c.Properties().Select(p => p.Name).Should().BeEquivalentTo("location", "tags");
        var preflight = rp.Requests[0].Body!["resources"]!;
        preflight.Select(r => (string?)r["name"]).Should().Equal("a", "b", "c");
        preflight.ToString().Should().NotContain(DeploymentPlan.Carrier);
    }

    [Fact]
    public void RunAsync_AsyncOperations_WaitAsLongAsRetryAfterSays()
    {
        var time = succeeded.Time;
        time.Waits.Should().Contain(TimeSpan.FromSeconds(FakeRp.RetryAfterSeconds)).And.Contain(TimeSpan.FromSeconds(3));
        time.Waits.Should().OnlyContain(w => w == TimeSpan.FromSeconds(FakeRp.RetryAfterSeconds) || w == TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void RunAsync_Outputs_AreEvaluatedFromTheDeployedResources()
    {
        ((string?)succeeded.Result.Outputs["consoleA"]).Should().Be("https://console.a.example/");
        succeeded.Rp.Requests.Should().Contain(r => r.Method == "GET" && r.Name == "a" && r.Url.Query == "?api-version=2020-04-30");
    }

    [Fact]
    public async Task RunAsync_AResourceFails_FailsWithItsErrorAndStartsNothingThatDependsOnIt()
    {
        var error = new JObject { ["code"] = "InstallFailed", ["message"] = "The install of a failed." };
        failing.Rp.Failures["a"] = error;

        var result = await failing.RunAsync();

        result.Succeeded.Should().BeFalse();
        JToken.DeepEquals(result.Error, error).Should().BeTrue(result.Error?.ToString());
        failing.Rp.Requests.Should().NotContain(r => r.Method == "PUT" && r.Name == "b", "b depends on a");
        failing.Rp.Requests.Should().Contain(r => r.Method == "PUT" && r.Name == "c", "c depends on nothing, so it goes on, as in ARM");
        failing.Output.ToString().Should().Contain($"{ClusterType}/a: Failed: InstallFailed").And.Contain($"{ClusterType}/b: not started");
    }

    [Fact]
    public async Task RunAsync_PreflightFails_PutsNothing()
    {
        var error = new JObject { ["code"] = "InvalidParameter", ["message"] = "Bad.", ["target"] = "resources[1].location" };
        failing.Rp.PreflightResult = new JObject { ["status"] = "Failed", ["error"] = error };

        var result = await failing.RunAsync();

        result.Succeeded.Should().BeFalse();
        JToken.DeepEquals(result.Error, error).Should().BeTrue();
        failing.Rp.Requests.Should().ContainSingle();
        failing.Output.ToString().Should().Contain("Preflight: Failed: InvalidParameter: Bad. (target resources[1].location)");
    }

    private static bool IsGuid(string? value) => Guid.TryParse(value, out _);

    /// <summary>The happy path, run once (the template engine takes seconds) for the tests that read it.</summary>
    public sealed class SucceededDeployment : IAsyncLifetime
    {
        private readonly Deployment deployment = new();

        public FakeRp Rp => deployment.Rp;

        public InstantTimeProvider Time => deployment.Time;

        public StringWriter Output => deployment.Output;

        public DeploymentResult Result { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Rp.HoldTogether.UnionWith(["a", "c"]);
            Result = await deployment.RunAsync();
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>One deployment of <see cref="Template"/> against a fake RP of its own.</summary>
    public sealed class Deployment
    {
        public FakeRp Rp { get; } = new();

        public InstantTimeProvider Time { get; } = new();

        public StringWriter Output { get; } = new();

        public Task<DeploymentResult> RunAsync()
        {
            var options = new RpClientOptions { Transport = new HttpClientTransport(new HttpClient(Rp)) };
            var client = new RpClient(new Uri(FakeRp.BaseUrl), Guid.NewGuid().ToString(), options, Time);
            var input = new DeploymentInput(Template(), new Dictionary<string, JToken> { ["pullSecret"] = PullSecret });
            return new DeploymentRunner(BicepCli.Locate(), client, Output, Time).RunAsync(input, Scope);
        }
    }
}
