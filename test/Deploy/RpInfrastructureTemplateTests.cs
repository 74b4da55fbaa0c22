using System.Text.RegularExpressions;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Database.Cosmos;
using Rp.Queue;
using Xunit;

namespace Rp.Deploy.Tests;

public sealed partial class RpInfrastructureTemplateTests
{
    private static readonly JObject Template = RpInfrastructureTemplate.Build();

    public static TheoryData<string> Containers()
    {
        var data = new TheoryData<string>();
        foreach (var container in CosmosContainers.All())
        {
            data.Add(container.Id);
        }

        return data;
    }

    public static TheoryData<string, string> DeclaredReferences() => new()
    {
        { "parameters", "parameters" },
        { "variables", "variables" },
    };

    public static TheoryData<string, string, string, JToken> Settings() => new()
    {
        { "cosmos session consistency", RpInfrastructureTemplate.CosmosAccountType, "properties.consistencyPolicy.defaultConsistencyLevel", "Session" },
        { "cosmos local auth parameterized", RpInfrastructureTemplate.CosmosAccountType, "properties.disableLocalAuth", "[parameters('disableLocalAuth')]" },
        { "cosmos sql api", RpInfrastructureTemplate.CosmosAccountType, "kind", "GlobalDocumentDB" },
        { "storage v2", RpInfrastructureTemplate.StorageAccountType, "kind", "StorageV2" },
        { "storage https only", RpInfrastructureTemplate.StorageAccountType, "properties.supportsHttpsTrafficOnly", true },
        { "storage tls 1.2", RpInfrastructureTemplate.StorageAccountType, "properties.minimumTlsVersion", "TLS1_2" },
        { "storage no public blobs", RpInfrastructureTemplate.StorageAccountType, "properties.allowBlobPublicAccess", false },
        { "storage shared key parameterized", RpInfrastructureTemplate.StorageAccountType, "properties.allowSharedKeyAccess", "[parameters('allowSharedKeyAccess')]" },
        { "cosmos data contributor", RpInfrastructureTemplate.SqlRoleAssignmentType, "properties.roleDefinitionId", "[resourceId('Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions', parameters('cosmosAccountName'), '00000000-0000-0000-0000-000000000002')]" },
        { "queue data contributor", RpInfrastructureTemplate.RoleAssignmentType, "properties.roleDefinitionId", "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')]" },
        { "queue role on the storage account", RpInfrastructureTemplate.RoleAssignmentType, "scope", "[format('Microsoft.Storage/storageAccounts/{0}', parameters('storageAccountName'))]" },
    };

    public static TheoryData<string, string> Secrets() => new()
    {
        { "account keys", "listKeys" },
        { "connection strings", "listConnectionStrings" },
        { "connection string literal", "AccountKey=" },
        { "cosmos master key", "MasterKey" },
        { "secure parameter", "securestring" },
        { "password", "password" },
        { "client secret", "secret" },
    };

    public static TheoryData<string, string> Outputs() => new()
    {
        { "Cosmos:Endpoint", TemplateOutputs.CosmosEndpoint },
        { "Cosmos:DatabaseName", TemplateOutputs.DatabaseName },
        { "StorageQueue:QueueServiceUri", TemplateOutputs.QueueServiceUri },
        { "Queue:Name", TemplateOutputs.QueueName },
        { "AZURE_CLIENT_ID", TemplateOutputs.IdentityClientId },
    };

    [Fact]
    public void Build_Template_IsDeploymentTemplate()
    {
        var parsed = JObject.Parse(DeployGenerator.Generate().Single(f => f.Path == DeployGenerator.TemplateFile).Content);

        parsed.Value<string>("$schema").Should().Be("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        parsed.Value<string>("contentVersion").Should().MatchRegex(@"^\d+\.\d+\.\d+\.\d+$");
        parsed.Properties().Select(p => p.Name).Should().Equal("$schema", "contentVersion", "parameters", "variables", "resources", "outputs");
        parsed["resources"].Should().BeOfType<JArray>().Which.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DeclaredReferences))]
    public void Build_Reference_IsDeclared(string name, string section)
    {
        var referenced = References(Template, section);
        var declared = ((JObject)Template[section]!).Properties().Select(p => p.Name);

        referenced.Should().NotBeEmpty($"the template uses {name}");
        referenced.Should().BeSubsetOf(declared, $"every {name} referenced is declared");
        declared.Should().BeSubsetOf(referenced, $"every {name} declared is used");
    }

    [Fact]
    public void BuildParametersExample_Parameters_AreDeclaredInTemplate()
    {
        var example = RpInfrastructureTemplate.BuildParametersExample();
        var declared = (JObject)Template["parameters"]!;

        example.Value<string>("$schema").Should().Be("https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#");
        var given = ((JObject)example["parameters"]!).Properties().ToList();
        given.Should().NotBeEmpty();
        given.Select(p => p.Name).Should().BeSubsetOf(declared.Properties().Select(p => p.Name));
        given.Should().OnlyContain(p => TypeName(p.Value["value"]!) == declared[p.Name]!.Value<string>("type"), "each example value has its parameter's type");
    }

    [Fact]
    public void Build_DependsOn_NamesResourceTypesOfTheTemplate()
    {
        var types = Resources().Select(r => r.Value<string>("type")).ToHashSet(StringComparer.Ordinal);
        var dependencies = Resources().SelectMany(r => r["dependsOn"]?.Values<string>() ?? []).ToList();

        dependencies.Should().NotBeEmpty();
        dependencies.Select(d => ResourceIdType().Match(d!).Groups[1].Value).Should().OnlyContain(t => types.Contains(t));
    }

    [Fact]
    public void Build_Containers_AreExactlyCosmosContainers()
    {
        var inTemplate = Resources(RpInfrastructureTemplate.SqlContainerType).Select(r => r.SelectToken("properties.resource.id")!.Value<string>());

        inTemplate.Should().BeEquivalentTo(CosmosContainers.All().Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Build_Container_MatchesCosmosContainers(string name)
    {
        var expected = CosmosContainers.All().Single(c => c.Id == name);
        var resource = Resources(RpInfrastructureTemplate.SqlContainerType).Single(r => r.SelectToken("properties.resource.id")!.Value<string>() == name);
        var properties = resource.SelectToken("properties.resource")!;

        properties.SelectToken("partitionKey.paths")!.Values<string>().Should().Equal(expected.PartitionKeyPath);
        properties.SelectToken("partitionKey.version")!.Value<int>().Should().Be(2);
        var uniqueKeys = properties.SelectToken("uniqueKeyPolicy.uniqueKeys")?.Select(k => k["paths"]!.Values<string>().ToList()).ToList() ?? [];
        uniqueKeys.Should().BeEquivalentTo(expected.UniqueKeyPolicy.UniqueKeys.Select(k => k.Paths.ToList()), o => o.WithStrictOrdering());
        properties["defaultTtl"]?.Value<int>().Should().Be(expected.DefaultTimeToLive);
        if (expected.DefaultTimeToLive is null)
        {
            properties["defaultTtl"].Should().BeNull();
        }

        properties.SelectToken("indexingPolicy.indexingMode")!.Value<string>().Should().Be("consistent");
    }

    [Theory]
    [InlineData("OpenShiftClusters", "/partitionKey", "/key", null)]
    [InlineData("Subscriptions", "/id", null, null)]
    [InlineData("AsyncOperations", "/id", null, -1)]
    [InlineData("Leases", "/id", null, null)]
    public void Build_Container_HasTheShapeTheRuntimeQueriesRelyOn(string name, string partitionKey, string? uniqueKey, int? defaultTtl)
    {
        var properties = Resources(RpInfrastructureTemplate.SqlContainerType).Single(r => r.SelectToken("properties.resource.id")!.Value<string>() == name).SelectToken("properties.resource")!;

        properties.SelectToken("partitionKey.paths[0]")!.Value<string>().Should().Be(partitionKey);
        properties.SelectToken("uniqueKeyPolicy.uniqueKeys[0].paths[0]")?.Value<string>().Should().Be(uniqueKey);
        (properties.SelectToken("uniqueKeyPolicy") is null).Should().Be(uniqueKey is null);
        properties["defaultTtl"]?.Value<int?>().Should().Be(defaultTtl);
        (properties["defaultTtl"] is null).Should().Be(defaultTtl is null);
    }

    [Fact]
    public void Build_DatabaseName_DefaultsToCosmosOptions()
    {
        Template.SelectToken("parameters.databaseName.defaultValue")!.Value<string>().Should().Be(new CosmosOptions().DatabaseName);
    }

    [Fact]
    public void Build_Queue_IsQueueOptionsDefault()
    {
        var queue = Resources(RpInfrastructureTemplate.QueueType).Should().ContainSingle().Subject;

        Template.SelectToken("variables.queueName")!.Value<string>().Should().Be(new QueueOptions().Name).And.Be("openshiftclusters");
        queue.Value<string>("name").Should().Contain("variables('queueName')");
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Build_Resource_HasSetting(string name, string type, string path, JToken expected)
    {
        var resource = Resources(type).Should().ContainSingle(name).Subject;

        JToken.DeepEquals(resource.SelectToken(path), expected).Should().BeTrue($"{name}: {path} is {expected}, not {resource.SelectToken(path)}");
    }

    [Fact]
    public void Build_Resources_HavePinnedStableApiVersions()
    {
        Resources().Should().OnlyContain(r => Regex.IsMatch(r.Value<string>("apiVersion") ?? string.Empty, @"^\d{4}-\d{2}-\d{2}$"));
    }

    [Fact]
    public void Build_RoleAssignments_GoToTheRpIdentity()
    {
        var assignments = Resources(RpInfrastructureTemplate.SqlRoleAssignmentType).Concat(Resources(RpInfrastructureTemplate.RoleAssignmentType)).ToList();

        assignments.Should().HaveCount(2);
        assignments.Select(a => a.SelectToken("properties.principalId")!.Value<string>()).Should()
            .AllBe("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId]");
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Build_Output_GivesRpSetting(string setting, string output)
    {
        Template.SelectToken($"outputs.{output}.value")!.Value<string>().Should().StartWith("[", $"{setting} comes from the deployment");
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Build_Template_HasNoSecret(string name, string text)
    {
        var content = string.Join("\n", DeployGenerator.Generate().Select(f => f.Content));

        content.Should().NotContainEquivalentOf(text, $"the template carries no {name}: the RP reaches both stores with its managed identity");
    }

    [Fact]
    public void Build_Template_HasNoKeyLiteral()
    {
        var strings = Template.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!);

        strings.Should().NotContain(s => KeyLiteral().IsMatch(s), "no base64 key is embedded");
    }

    private static string TypeName(JToken value) => value.Type switch
    {
        JTokenType.String => "string",
        JTokenType.Integer => "int",
        JTokenType.Boolean => "bool",
        _ => value.Type.ToString(),
    };

    private static IEnumerable<JObject> Resources(string? type = null) =>
        ((JArray)Template["resources"]!).Cast<JObject>().Where(r => type is null || r.Value<string>("type") == type);

    private static HashSet<string> References(JContainer template, string section) =>
        template.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String)
            .SelectMany(v => Regex.Matches((string)v!, $@"{section}\('([^']+)'\)").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();

    // Account keys and AES keys are base64 with padding: 88 characters ending in "==", 44 ending in "=".
    [GeneratedRegex(@"[A-Za-z0-9+/]{42,}={1,2}")]
    private static partial Regex KeyLiteral();
}
