using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Xunit;

namespace Rp.Swagger.Tests;

public sealed class SwaggerGeneratorTests
{
    private const string Cluster = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/RedHat.OpenShift/openShiftClusters/{resourceName}";
    private const string Location = "/subscriptions/{subscriptionId}/providers/RedHat.OpenShift/locations/{location}";

    private static readonly IReadOnlyList<SwaggerFile> Generated = SwaggerGenerator.Generate();

    public static TheoryData<string> GeneratedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Generated)
        {
            data.Add(file.Path);
        }

        return data;
    }

    public static TheoryData<string, string, string, string[]> Routes() => new()
    {
        { "preview get", "2019-12-31-preview", Cluster, ["get", "put", "patch", "delete"] },
        { "preview list by resource group", "2019-12-31-preview", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/RedHat.OpenShift/openShiftClusters", ["get"] },
        { "preview list by subscription", "2019-12-31-preview", "/subscriptions/{subscriptionId}/providers/RedHat.OpenShift/openShiftClusters", ["get"] },
        { "preview credentials get", "2019-12-31-preview", Cluster + "/credentials", ["get"] },
        { "preview listCredentials", "2019-12-31-preview", Cluster + "/listCredentials", ["post"] },
        { "preview operationsStatus", "2019-12-31-preview", Location + "/operationsStatus/{operationId}", ["get"] },
        { "preview operationResults", "2019-12-31-preview", Location + "/operationResults/{operationId}", ["get"] },
        { "preview operations", "2019-12-31-preview", "/providers/RedHat.OpenShift/operations", ["get"] },
        { "stable cluster", "2020-04-30", Cluster, ["get", "put", "patch", "delete"] },
        { "stable listCredentials", "2020-04-30", Cluster + "/listCredentials", ["post"] },
        { "stable listAdminCredentials", "2020-04-30", Cluster + "/listAdminCredentials", ["post"] },
        { "stable operations", "2020-04-30", "/providers/RedHat.OpenShift/operations", ["get"] },
    };

    public static TheoryData<string, string, string> Secrets() => new()
    {
        { "preview pull secret", "2019-12-31-preview", "OpenShiftClusterProperties.pullSecret" },
        { "preview kubeadmin password", "2019-12-31-preview", "OpenShiftClusterCredentials.kubeadminPassword" },
        { "stable pull secret", "2020-04-30", "ClusterProfile.pullSecret" },
        { "stable client secret", "2020-04-30", "ServicePrincipalProfile.clientSecret" },
        { "stable kubeadmin password", "2020-04-30", "OpenShiftClusterCredentials.kubeadminPassword" },
        { "stable kubeconfig", "2020-04-30", "OpenShiftClusterAdminKubeconfig.kubeconfig" },
    };

    public static TheoryData<string, string, string, string> LongRunningOperations() => new()
    {
        { "preview put", "2019-12-31-preview", "put", "azure-async-operation" },
        { "preview patch", "2019-12-31-preview", "patch", "location" },
        { "preview delete", "2019-12-31-preview", "delete", "location" },
        { "stable put", "2020-04-30", "put", "azure-async-operation" },
        { "stable patch", "2020-04-30", "patch", "location" },
        { "stable delete", "2020-04-30", "delete", "location" },
    };

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generate_CommittedFile_MatchesFreshGeneration(string path)
    {
        var committed = System.IO.Path.Combine(RepositoryRoot.Swagger, path);

        File.Exists(committed).Should().BeTrue($"swagger/{path} is generated: run hack/generate-swagger.sh and commit it");
        File.ReadAllText(committed).Should().Be(Generated.Single(f => f.Path == path).Content, $"swagger/{path} is stale: run hack/generate-swagger.sh and commit it");
    }

    [Fact]
    public void Generate_CommittedSpecificationTree_HasNoFileGenerationDoesNotMake()
    {
        var root = System.IO.Path.Combine(RepositoryRoot.Swagger, "specification");
        var committed = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(RepositoryRoot.Swagger, f).Replace('\\', '/'));

        committed.Should().BeEquivalentTo(Generated.Select(f => f.Path), "hack/generate-swagger.sh removes what it no longer makes");
    }

    [Fact]
    public void Generate_EveryRegisteredApiVersion_HasASpec()
    {
        using var services = new ServiceCollection().AddRpApiVersions().BuildServiceProvider();
        var versions = services.GetRequiredService<ApiVersions>();

        foreach (var version in versions.Names)
        {
            Generated.Should().Contain(f => f.Path == SwaggerGenerator.SpecPath(version), $"api-version {version} is served");
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Generate_RouteTheRpServes_IsInTheSpec(string name, string version, string path, string[] methods)
    {
        var operations = Spec(version)["paths"]![path] as JObject;

        operations.Should().NotBeNull(name);
        operations!.Properties().Select(p => p.Name).Should().BeEquivalentTo(methods, name);
    }

    [Theory]
    [InlineData("2019-12-31-preview", "/listAdminCredentials")]
    [InlineData("2020-04-30", "/credentials")]
    public void Generate_RouteTheVersionDoesNotServe_IsNotInTheSpec(string version, string suffix)
    {
        ((JObject)Spec(version)["paths"]!).Properties().Should().NotContain(p => p.Name == Cluster + suffix);
    }

    /// <summary>
    /// A route the RP serves only to ARM itself (deployment preflight) stays out of every spec, and
    /// swagger/suppressions.json says why, as for any finding the RP deliberately differs on.
    /// </summary>
    [Theory]
    [InlineData("2019-12-31-preview")]
    [InlineData("2020-04-30")]
    public void Generate_DeploymentPreflight_IsNotInTheSpecAndTheSuppressionsSayWhy(string version)
    {
        const string Route = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Resources/deployments/{deploymentName}/preflight";
        var suppressions = JArray.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "swagger", "suppressions.json")));

        ((JObject)Spec(version)["paths"]!).Properties().Should().NotContain(p => p.Name.Contains("/preflight", StringComparison.OrdinalIgnoreCase));
        var suppression = suppressions.Should().ContainSingle(s => (string?)s["tool"] == "route-not-in-spec" && (string?)s["route"] == "POST " + Route).Subject;
        ((string?)suppression["reason"]).Should().Contain("ARM").And.Contain("docs/template-deployments.md");
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Generate_SecretProperty_IsMarkedSecret(string name, string version, string property)
    {
        var parts = property.Split('.');

        Spec(version)["definitions"]![parts[0]]!["properties"]![parts[1]]!["x-ms-secret"]!.Value<bool>().Should().BeTrue(name);
    }

    [Theory]
    [MemberData(nameof(LongRunningOperations))]
    public void Generate_AsyncOperation_IsLongRunningWithFinalState(string name, string version, string method, string finalStateVia)
    {
        var operation = Spec(version)["paths"]![Cluster]![method]!;

        operation["x-ms-long-running-operation"]!.Value<bool>().Should().BeTrue(name);
        operation["x-ms-long-running-operation-options"]!["final-state-via"]!.Value<string>().Should().Be(finalStateVia, name);
    }

    [Theory]
    [InlineData("2019-12-31-preview")]
    [InlineData("2020-04-30")]
    public void Generate_EveryOperation_HasAnExampleFileAndADefaultErrorResponse(string version)
    {
        var spec = SwaggerGenerator.SpecPath(version);
        var directory = spec[..spec.LastIndexOf('/')];
        var operations = ((JObject)Spec(version)["paths"]!).Properties().SelectMany(p => ((JObject)p.Value).Properties()).ToList();

        operations.Should().NotBeEmpty();
        foreach (var operation in operations.Select(o => o.Value))
        {
            var examples = ((JObject)operation["x-ms-examples"]!).Properties().ToList();
            examples.Should().ContainSingle((string?)operation["operationId"]);
            var example = $"{directory}/{((string)examples[0].Value["$ref"]!)[2..]}";
            Generated.Should().Contain(f => f.Path == example);
            operation["responses"]!["default"]!["schema"]!["$ref"]!.Value<string>().Should().EndWith("#/definitions/ErrorResponse");
        }
    }

    [Theory]
    [InlineData("2019-12-31-preview", "OpenShiftClusterProperties", "provisioningState")]
    [InlineData("2019-12-31-preview", "OpenShiftClusterProperties", "consoleURL")]
    [InlineData("2020-04-30", "OpenShiftClusterProperties", "provisioningState")]
    [InlineData("2020-04-30", "ApiserverProfile", "ip")]
    [InlineData("2020-04-30", "OpenShiftCluster", "etag")]
    public void Generate_ReadOnlyProperty_IsMarkedReadOnly(string version, string definition, string property)
    {
        Spec(version)["definitions"]![definition]!["properties"]![property]!["readOnly"]!.Value<bool>().Should().BeTrue();
    }

    private static JObject Spec(string version) => JObject.Parse(Generated.Single(f => f.Path == SwaggerGenerator.SpecPath(version)).Content);
}
