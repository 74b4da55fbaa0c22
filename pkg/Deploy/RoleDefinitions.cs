namespace Rp.Deploy;

/// <summary>The built-in roles the RP's identity is given: data-plane access only, no keys.</summary>
public static class RoleDefinitions
{
    /// <summary>Cosmos DB Built-in Data Contributor, a Cosmos DB SQL role (not an Azure RBAC role).</summary>
    public const string CosmosDataContributor = "00000000-0000-0000-0000-000000000002";

    /// <summary>Storage Queue Data Contributor (Azure RBAC).</summary>
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
}
