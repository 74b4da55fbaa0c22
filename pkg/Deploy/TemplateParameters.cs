namespace Rp.Deploy;

/// <summary>The names of the template's parameters.</summary>
public static class TemplateParameters
{
    public const string Location = "location";
    public const string CosmosAccountName = "cosmosAccountName";
    public const string DatabaseName = "databaseName";
    public const string DatabaseMaxThroughput = "databaseMaxThroughput";
    public const string DisableLocalAuth = "disableLocalAuth";
    public const string StorageAccountName = "storageAccountName";
    public const string StorageSkuName = "storageSkuName";
    public const string AllowSharedKeyAccess = "allowSharedKeyAccess";
    public const string IdentityName = "identityName";
}
