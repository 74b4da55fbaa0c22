using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using Rp.Database.Cosmos;
using Rp.Queue;
using static Rp.Deploy.ArmExpressions;

namespace Rp.Deploy;

/// <summary>
/// The ARM template for the RP's own infrastructure: the Cosmos DB account, database and
/// containers the RP expects when it does not create them itself (<c>Cosmos:CreateIfNotExists=false</c>),
/// the storage account and queue of its work items, and a user-assigned identity with data-plane
/// roles on both. Containers come from <see cref="CosmosContainers.All"/> and the queue name from
/// <see cref="QueueOptions"/>, the same sources the runtime uses.
/// </summary>
public static class RpInfrastructureTemplate
{
    public const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    public const string ParametersSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";
    public const string ContentVersion = "1.0.0.0";

    public const string CosmosAccountType = "Microsoft.DocumentDB/databaseAccounts";
    public const string SqlDatabaseType = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases";
    public const string SqlContainerType = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";
    public const string SqlRoleAssignmentType = "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments";
    public const string StorageAccountType = "Microsoft.Storage/storageAccounts";
    public const string QueueServiceType = "Microsoft.Storage/storageAccounts/queueServices";
    public const string QueueType = "Microsoft.Storage/storageAccounts/queueServices/queues";
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    private const string QueueNameVariable = "queueName";

    private static readonly string CosmosAccountName = Parameter(TemplateParameters.CosmosAccountName);
    private static readonly string DatabaseName = Parameter(TemplateParameters.DatabaseName);
    private static readonly string StorageAccountName = Parameter(TemplateParameters.StorageAccountName);
    private static readonly string IdentityName = Parameter(TemplateParameters.IdentityName);
    private static readonly string Location = Expression(Parameter(TemplateParameters.Location));

    private static readonly string CosmosAccountId = ResourceId(CosmosAccountType, CosmosAccountName);
    private static readonly string SqlDatabaseId = ResourceId(SqlDatabaseType, CosmosAccountName, DatabaseName);
    private static readonly string StorageAccountId = ResourceId(StorageAccountType, StorageAccountName);
    private static readonly string QueueServiceId = ResourceId(QueueServiceType, StorageAccountName, Literal("default"));
    private static readonly string IdentityId = ResourceId(IdentityType, IdentityName);
    private static readonly string IdentityPrincipalId = Expression($"{Reference(IdentityId, ArmApiVersions.ManagedIdentity)}.principalId");

    public static JObject Build()
    {
        var resources = new JArray
        {
            CosmosAccount(),
            SqlDatabase(),
        };
        foreach (var container in CosmosContainers.All())
        {
            resources.Add(SqlContainer(container));
        }

        resources.Add(StorageAccount());
        resources.Add(QueueService());
        resources.Add(Queue());
        resources.Add(Identity());
        resources.Add(CosmosRoleAssignment());
        resources.Add(StorageRoleAssignment());

        return new JObject
        {
            ["$schema"] = Schema,
            ["contentVersion"] = ContentVersion,
            ["parameters"] = Parameters(),
            ["variables"] = new JObject
            {
                // The runtime's default, so the RP needs no Queue:Name setting.
                [QueueNameVariable] = new QueueOptions().Name,
            },
            ["resources"] = resources,
            ["outputs"] = Outputs(),
        };
    }

    /// <summary>A parameters file for <c>az deployment group create --parameters @file</c>, with every parameter at an example value.</summary>
    public static JObject BuildParametersExample() => new()
    {
        ["$schema"] = ParametersSchema,
        ["contentVersion"] = ContentVersion,
        ["parameters"] = new JObject
        {
            [TemplateParameters.CosmosAccountName] = Value("contoso-rp"),
            [TemplateParameters.DatabaseName] = Value(new CosmosOptions().DatabaseName),
            [TemplateParameters.DatabaseMaxThroughput] = Value(1000),
            [TemplateParameters.DisableLocalAuth] = Value(true),
            [TemplateParameters.StorageAccountName] = Value("contosorp"),
            [TemplateParameters.StorageSkuName] = Value("Standard_ZRS"),
            [TemplateParameters.AllowSharedKeyAccess] = Value(false),
            [TemplateParameters.IdentityName] = Value("contoso-rp"),
        },
    };

    private static JObject Value(JToken value) => new() { ["value"] = value };

    private static JObject Parameters()
    {
        // Globally unique names by default, stable for a resource group so that redeploying updates in place.
        const string Unique = "uniqueString(resourceGroup().id)";
        return new JObject
        {
            [TemplateParameters.Location] = ParameterDefinition("string", Expression("resourceGroup().location"), "Where every resource is created."),
            [TemplateParameters.CosmosAccountName] = ParameterDefinition("string", Expression($"format('rp-{{0}}', {Unique})"), "The Cosmos DB account (globally unique, lower case)."),
            [TemplateParameters.DatabaseName] = ParameterDefinition("string", new CosmosOptions().DatabaseName, "The SQL database: the RP's Cosmos:DatabaseName."),
            [TemplateParameters.DatabaseMaxThroughput] = ParameterDefinition("int", 1000, "Autoscale maximum RU/s shared by the database's containers.", minValue: 1000),
            [TemplateParameters.DisableLocalAuth] = ParameterDefinition("bool", true, "Refuse account keys, so only Microsoft Entra identities (the RP's managed identity) reach the data."),
            [TemplateParameters.StorageAccountName] = ParameterDefinition("string", Expression($"format('rp{{0}}', {Unique})"), "The storage account (globally unique, 3-24 lower-case letters and digits)."),
            [TemplateParameters.StorageSkuName] = ParameterDefinition("string", "Standard_LRS", "The storage account's redundancy.", allowed: ["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS"]),
            [TemplateParameters.AllowSharedKeyAccess] = ParameterDefinition("bool", false, "Accept requests signed with an account key; off, only Microsoft Entra identities are accepted."),
            [TemplateParameters.IdentityName] = ParameterDefinition("string", "rp", "The RP's user-assigned managed identity."),
        };
    }

    private static JObject ParameterDefinition(string type, JToken defaultValue, string description, int? minValue = null, string[]? allowed = null)
    {
        var parameter = new JObject { ["type"] = type, ["defaultValue"] = defaultValue };
        if (minValue is { } min)
        {
            parameter["minValue"] = min;
        }

        if (allowed is not null)
        {
            parameter["allowedValues"] = new JArray(allowed);
        }

        parameter["metadata"] = new JObject { ["description"] = description };
        return parameter;
    }

    private static JObject CosmosAccount() => new()
    {
        ["type"] = CosmosAccountType,
        ["apiVersion"] = ArmApiVersions.DocumentDb,
        ["name"] = Expression(CosmosAccountName),
        ["location"] = Location,
        ["kind"] = "GlobalDocumentDB",
        ["properties"] = new JObject
        {
            ["databaseAccountOfferType"] = "Standard",
            ["consistencyPolicy"] = new JObject { ["defaultConsistencyLevel"] = "Session" },
            ["locations"] = new JArray
            {
                new JObject { ["locationName"] = Location, ["failoverPriority"] = 0, ["isZoneRedundant"] = false },
            },
            ["disableLocalAuth"] = Expression(Parameter(TemplateParameters.DisableLocalAuth)),

            // The template owns the databases and containers; the data plane may not change them.
            ["disableKeyBasedMetadataWriteAccess"] = true,
        },
    };

    private static JObject SqlDatabase() => new()
    {
        ["type"] = SqlDatabaseType,
        ["apiVersion"] = ArmApiVersions.DocumentDb,
        ["name"] = ChildName(CosmosAccountName, DatabaseName),
        ["dependsOn"] = new JArray(Expression(CosmosAccountId)),
        ["properties"] = new JObject
        {
            ["resource"] = new JObject { ["id"] = Expression(DatabaseName) },
            ["options"] = new JObject
            {
                ["autoscaleSettings"] = new JObject { ["maxThroughput"] = Expression(Parameter(TemplateParameters.DatabaseMaxThroughput)) },
            },
        },
    };

    private static JObject SqlContainer(ContainerProperties container)
    {
        var resource = new JObject
        {
            ["id"] = container.Id,
            ["partitionKey"] = new JObject
            {
                ["paths"] = new JArray(container.PartitionKeyPath),
                ["kind"] = "Hash",

                // The SDK creates containers with version 2 when none is set, so the template does too.
                ["version"] = (int)(container.PartitionKeyDefinitionVersion ?? PartitionKeyDefinitionVersion.V2),
            },
            ["indexingPolicy"] = new JObject
            {
                ["indexingMode"] = container.IndexingPolicy.IndexingMode.ToString().ToLowerInvariant(),
                ["automatic"] = container.IndexingPolicy.Automatic,
            },
        };
        if (container.UniqueKeyPolicy.UniqueKeys.Count > 0)
        {
            resource["uniqueKeyPolicy"] = new JObject
            {
                ["uniqueKeys"] = new JArray(container.UniqueKeyPolicy.UniqueKeys.Select(k => new JObject { ["paths"] = new JArray(k.Paths) })),
            };
        }

        if (container.DefaultTimeToLive is { } ttl)
        {
            resource["defaultTtl"] = ttl;
        }

        return new JObject
        {
            ["type"] = SqlContainerType,
            ["apiVersion"] = ArmApiVersions.DocumentDb,
            ["name"] = ChildName(CosmosAccountName, DatabaseName, Literal(container.Id)),
            ["dependsOn"] = new JArray(Expression(SqlDatabaseId)),
            ["properties"] = new JObject { ["resource"] = resource },
        };
    }

    private static JObject StorageAccount() => new()
    {
        ["type"] = StorageAccountType,
        ["apiVersion"] = ArmApiVersions.Storage,
        ["name"] = Expression(StorageAccountName),
        ["location"] = Location,
        ["kind"] = "StorageV2",
        ["sku"] = new JObject { ["name"] = Expression(Parameter(TemplateParameters.StorageSkuName)) },
        ["properties"] = new JObject
        {
            ["supportsHttpsTrafficOnly"] = true,
            ["minimumTlsVersion"] = "TLS1_2",
            ["allowBlobPublicAccess"] = false,
            ["allowSharedKeyAccess"] = Expression(Parameter(TemplateParameters.AllowSharedKeyAccess)),
            ["defaultToOAuthAuthentication"] = true,
        },
    };

    private static JObject QueueService() => new()
    {
        ["type"] = QueueServiceType,
        ["apiVersion"] = ArmApiVersions.Storage,
        ["name"] = ChildName(StorageAccountName, Literal("default")),
        ["dependsOn"] = new JArray(Expression(StorageAccountId)),
    };

    private static JObject Queue() => new()
    {
        ["type"] = QueueType,
        ["apiVersion"] = ArmApiVersions.Storage,
        ["name"] = ChildName(StorageAccountName, Literal("default"), Variable(QueueNameVariable)),
        ["dependsOn"] = new JArray(Expression(QueueServiceId)),
    };

    private static JObject Identity() => new()
    {
        ["type"] = IdentityType,
        ["apiVersion"] = ArmApiVersions.ManagedIdentity,
        ["name"] = Expression(IdentityName),
        ["location"] = Location,
    };

    // Scoped to the RP's database rather than the account: the RP reads and writes documents there and nowhere else.
    private static JObject CosmosRoleAssignment() => new()
    {
        ["type"] = SqlRoleAssignmentType,
        ["apiVersion"] = ArmApiVersions.DocumentDb,
        ["name"] = ChildName(CosmosAccountName, $"guid({SqlDatabaseId}, {IdentityId}, {Literal(RoleDefinitions.CosmosDataContributor)})"),
        ["dependsOn"] = new JArray(Expression(SqlDatabaseId), Expression(IdentityId)),
        ["properties"] = new JObject
        {
            ["roleDefinitionId"] = Expression(ResourceId("Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions", CosmosAccountName, Literal(RoleDefinitions.CosmosDataContributor))),
            ["principalId"] = IdentityPrincipalId,
            ["scope"] = Expression($"format('{{0}}/dbs/{{1}}', {CosmosAccountId}, {DatabaseName})"),
        },
    };

    private static JObject StorageRoleAssignment() => new()
    {
        ["type"] = RoleAssignmentType,
        ["apiVersion"] = ArmApiVersions.Authorization,
        ["scope"] = Expression($"format('{StorageAccountType}/{{0}}', {StorageAccountName})"),
        ["name"] = Expression($"guid({StorageAccountId}, {IdentityId}, {Literal(RoleDefinitions.StorageQueueDataContributor)})"),
        ["dependsOn"] = new JArray(Expression(StorageAccountId), Expression(IdentityId)),
        ["properties"] = new JObject
        {
            ["roleDefinitionId"] = Expression($"subscriptionResourceId('Microsoft.Authorization/roleDefinitions', {Literal(RoleDefinitions.StorageQueueDataContributor)})"),
            ["principalId"] = IdentityPrincipalId,

            // A new identity may not have replicated yet; the type lets the assignment skip the lookup.
            ["principalType"] = "ServicePrincipal",
        },
    };

    private static JObject Outputs() => new()
    {
        [TemplateOutputs.CosmosEndpoint] = Output("string", $"{Reference(CosmosAccountId, ArmApiVersions.DocumentDb)}.documentEndpoint"),
        [TemplateOutputs.DatabaseName] = Output("string", DatabaseName),
        [TemplateOutputs.QueueServiceUri] = Output("string", $"{Reference(StorageAccountId, ArmApiVersions.Storage)}.primaryEndpoints.queue"),
        [TemplateOutputs.QueueName] = Output("string", Variable(QueueNameVariable)),
        [TemplateOutputs.IdentityClientId] = Output("string", $"{Reference(IdentityId, ArmApiVersions.ManagedIdentity)}.clientId"),
        [TemplateOutputs.IdentityResourceId] = Output("string", IdentityId),
    };

    private static JObject Output(string type, string expression) => new() { ["type"] = type, ["value"] = Expression(expression) };
}
