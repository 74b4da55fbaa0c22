namespace Rp.Deploy;

/// <summary>The names of the template's outputs: the RP settings a deployment gives values to.</summary>
public static class TemplateOutputs
{
    /// <summary><c>Cosmos:Endpoint</c>.</summary>
    public const string CosmosEndpoint = "cosmosEndpoint";

    /// <summary><c>Cosmos:DatabaseName</c>.</summary>
    public const string DatabaseName = "databaseName";

    /// <summary><c>StorageQueue:QueueServiceUri</c>.</summary>
    public const string QueueServiceUri = "queueServiceUri";

    /// <summary><c>Queue:Name</c>.</summary>
    public const string QueueName = "queueName";

    /// <summary><c>AZURE_CLIENT_ID</c>, so that Azure.Identity picks the RP's user-assigned identity.</summary>
    public const string IdentityClientId = "identityClientId";

    /// <summary>What to attach to the compute that runs the RP.</summary>
    public const string IdentityResourceId = "identityResourceId";
}
