using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Deployments;

/// <summary>
/// Template deployments against the built <c>rp</c>, by the built <c>arm-deployment-client</c>
/// (ARM's template engine, preflight, PUTs and polling), with the examples of deploy/examples.
/// </summary>
public sealed class ArmDeploymentTests(DeploymentFixture fixture, ITestOutputHelper log) : IClassFixture<DeploymentFixture>
{
    private readonly TestPullSecret pullSecret = new();

    [Fact]
    public async Task Deploy_ClusterBicepparam_SucceedsWithItsUrlsAsOutputsAndARedeployStartsNoOperation()
    {
        var subscription = Guid.NewGuid().ToString();

        var first = await DeployAsync(subscription, "rg", "cluster.bicepparam");

        first.ExitCode.Should().Be(0, first.ToString());
        using var client = new RpClient(fixture.Rp.Url!);
        var cluster = new ClusterRef(subscription, "rg", "mycluster");
        var get = await client.GetClusterAsync(cluster, RpClient.V20200430);
        get.ProvisioningState.Should().Be("Succeeded", get.Body);
        var outputs = Outputs(first);
        outputs["apiserverUrl"]!.GetValue<string>().Should().Be(get.Json["properties"]!["apiserverProfile"]!["url"]!.GetValue<string>()).And.StartWith("https://api.");
        outputs["consoleUrl"]!.GetValue<string>().Should().Be(get.Json["properties"]!["consoleProfile"]!["url"]!.GetValue<string>()).And.StartWith("https://console-");
        first.Output.Should().Contain("Preflight: Succeeded").And.Contain("RedHat.OpenShift/openShiftClusters/mycluster: PUT 201, Creating");
        foreach (var secret in pullSecret.Forms)
        {
            (first.Output + first.Errors).Should().NotContain(secret, "the client never prints a secret");
        }

        var operationsBefore = await RpStore.CountAsync(fixture.DataDir, "AsyncOperations");
        var again = await DeployAsync(subscription, "rg", "cluster.bicepparam");
        var operationsAfter = await RpStore.CountAsync(fixture.DataDir, "AsyncOperations");
        log.WriteLine($"async operations in the RP's database: {operationsBefore} before the redeploy, {operationsAfter} after");

        again.ExitCode.Should().Be(0, again.ToString());
        again.Output.Should().Contain("RedHat.OpenShift/openShiftClusters/mycluster: PUT 200, Succeeded");
        operationsAfter.Should().Be(operationsBefore, "a redeploy of an unchanged template starts no operation");
        Outputs(again).ToJsonString().Should().Be(outputs.ToJsonString());
        (await client.GetClusterAsync(cluster, RpClient.V20200430)).Json["etag"]!.GetValue<string>().Should().Be(get.Json["etag"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deploy_ClustersBicepWithThreeCopies_CreatesThreeClusters()
    {
        var subscription = Guid.NewGuid().ToString();

        var run = await DeployAsync(subscription, "fleet", "clusters.bicep", "--parameters", "count=3", "namePrefix=team", $"pullSecret={pullSecret.Decoded}");

        run.ExitCode.Should().Be(0, run.ToString());
        using var client = new RpClient(fixture.Rp.Url!);
        var clusters = await client.ListClustersAsync(subscription, RpClient.V20200430);
        clusters!.Select(c => c["name"]!.GetValue<string>()).Should().BeEquivalentTo("team-0", "team-1", "team-2");
        clusters!.Select(c => c["properties"]!["provisioningState"]!.GetValue<string>()).Should().AllBe("Succeeded");
        Outputs(run)["consoleUrls"]!.AsArray().Select(u => u!.GetValue<string>()).Should().Equal(
            new[] { "team-0", "team-1", "team-2" }.Select(name => clusters!.Single(c => c["name"]!.GetValue<string>() == name)["properties"]!["consoleProfile"]!["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Deploy_InvalidCidr_FailsAtPreflightWithTheRpsErrorAndCreatesNothing()
    {
        var subscription = Guid.NewGuid().ToString();
        var clustersBefore = await RpStore.CountAsync(fixture.DataDir, "OpenShiftClusters");
        var operationsBefore = await RpStore.CountAsync(fixture.DataDir, "AsyncOperations");
        var subscriptionsBefore = await RpStore.CountAsync(fixture.DataDir, "Subscriptions");

        var run = await DeployAsync(subscription, "rg", "cluster.bicepparam", "--parameters", "podCidr=10.128.0.0/33");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().Contain("Preflight: Failed").And.NotContain(": PUT ");
        var error = JsonNode.Parse(run.Errors)!["error"]!;
        error["code"]!.GetValue<string>().Should().Be("InvalidParameter");
        error["target"]!.GetValue<string>().Should().Be("resources[0].properties.networkProfile.podCidr");
        (await RpStore.CountAsync(fixture.DataDir, "OpenShiftClusters")).Should().Be(clustersBefore, "nothing is created");
        (await RpStore.CountAsync(fixture.DataDir, "AsyncOperations")).Should().Be(operationsBefore);
        (await RpStore.CountAsync(fixture.DataDir, "Subscriptions")).Should().Be(subscriptionsBefore, "the preflight does not even register the subscription");

        // The RP's own CloudError: what the PUT of that body answers.
        using var client = new RpClient(fixture.Rp.Url!);
        var body = new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = new JsonObject
            {
                ["clusterProfile"] = new JsonObject { ["pullSecret"] = pullSecret.Decoded },
                ["networkProfile"] = new JsonObject { ["podCidr"] = "10.128.0.0/33" },
            },
        };
        var put = await client.SendJsonAsync(HttpMethod.Put, $"{new ClusterRef(subscription, "rg", "mycluster").Path}?api-version={RpClient.V20200430}", body);
        put.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error["message"]!.GetValue<string>().Should().Be(put.Json["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deploy_ChangedImmutableField_FailsAtPreflightWithPropertyChangeNotAllowed()
    {
        var subscription = Guid.NewGuid().ToString();
        (await DeployAsync(subscription, "rg", "cluster.bicepparam")).ExitCode.Should().Be(0);
        var operationsBefore = await RpStore.CountAsync(fixture.DataDir, "AsyncOperations");

        var run = await DeployAsync(subscription, "rg", "cluster.bicepparam", "--parameters", "serviceCidr=172.31.0.0/16");

        run.ExitCode.Should().Be(1, run.ToString());
        var error = JsonNode.Parse(run.Errors)!["error"]!;
        error["code"]!.GetValue<string>().Should().Be("PropertyChangeNotAllowed");
        error["target"]!.GetValue<string>().Should().Be("resources[0].properties.networkProfile.serviceCidr");
        (await RpStore.CountAsync(fixture.DataDir, "AsyncOperations")).Should().Be(operationsBefore, "preflight stopped the deployment before any PUT");
    }

    [Fact]
    public async Task Preflight_ResourceApiVersionNotServed_Answers200Failed()
    {
        var subscription = Guid.NewGuid().ToString();
        using var client = new RpClient(fixture.Rp.Url!);
        var body = new JsonObject
        {
            ["resources"] = new JsonArray(new JsonObject
            {
                ["type"] = "RedHat.OpenShift/openShiftClusters",
                ["apiVersion"] = "2099-01-01",
                ["name"] = "future",
                ["location"] = "eastus",
            }),
        };

        var response = await client.SendJsonAsync(HttpMethod.Post, $"/subscriptions/{subscription}/resourceGroups/rg/providers/Microsoft.Resources/deployments/future/preflight?api-version=2020-06-01", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK, response.Body);
        response.Status.Should().Be("Failed");
        response.Json["error"]!["code"]!.GetValue<string>().Should().Be("InvalidApiVersionParameter");
        response.Json["error"]!["target"]!.GetValue<string>().Should().Be("resources[0].apiVersion");
    }

    [Fact]
    public async Task Deploy_JsonTemplateInAnApiVersionNotServed_StopsAtPreflight()
    {
        using var dir = new TempDirectory();
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(DeploymentFixture.Examples, "cluster.json")))!;
        template["resources"]![0]!["apiVersion"] = "2099-01-01";
        var file = Path.Combine(dir.Path, "future.json");
        await File.WriteAllTextAsync(file, template.ToJsonString());

        var run = await DeployAsync(Guid.NewGuid().ToString(), "rg", file, "--parameters", "clusterName=future", $"pullSecret={pullSecret.Decoded}");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().Contain("Preflight: Failed: InvalidApiVersionParameter");
    }

    private async Task<DeploymentClientRun> DeployAsync(string subscription, string resourceGroup, string file, params string[] more)
    {
        var run = await DeploymentClientRun.RunAsync(
            DeploymentFixture.Examples,
            new Dictionary<string, string> { ["PULL_SECRET"] = pullSecret.Decoded },
            ["--template-file", file, "--resource-group", resourceGroup, "--subscription", subscription, "--rp-url", fixture.Rp.Url!, .. more]);
        log.WriteLine($"arm-deployment-client {file} {string.Join(' ', more.Select(m => m.Contains("auths", StringComparison.Ordinal) ? "pullSecret=..." : m))}: {run}");
        return run;
    }

    private static JsonNode Outputs(DeploymentClientRun run)
    {
        var start = run.Output.IndexOf("{\n", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the outputs are printed as JSON last: {0}", run);
        return JsonNode.Parse(run.Output[start..])!["outputs"]!;
    }
}
