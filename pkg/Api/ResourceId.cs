namespace Rp.Api;

/// <summary>
/// The id of a cluster resource. Subscription, resource group and name keep the casing they were
/// given; <see cref="Key"/> is the lower-cased form used for lookups and uniqueness.
/// </summary>
public sealed record ResourceId(string SubscriptionId, string ResourceGroup, string Name)
{
    public const string ProviderNamespace = "RedHat.OpenShift";
    public const string ResourceTypeName = "OpenShiftClusters";

    public string Key => ToString().ToLowerInvariant();

    public string PartitionKey => SubscriptionId.ToLowerInvariant();

    public static string SubscriptionPrefix(string subscriptionId) => $"/subscriptions/{subscriptionId}/".ToLowerInvariant();

    public static string ResourceGroupPrefix(string subscriptionId, string resourceGroup) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{ProviderNamespace}/{ResourceTypeName}/".ToLowerInvariant();

    /// <summary>The partition key of a document key (its subscription id).</summary>
    public static string PartitionKeyOf(string key)
    {
        var parts = key.Split('/', 4);
        if (parts.Length < 3 || parts[0] != "" || !string.Equals(parts[1], "subscriptions", StringComparison.OrdinalIgnoreCase) || parts[2] == "")
        {
            throw new ArgumentException($"'{key}' is not a subscription-scoped resource id.", nameof(key));
        }

        return parts[2].ToLowerInvariant();
    }

    public static bool TryParse(string id, out ResourceId? resourceId)
    {
        resourceId = null;
        var p = id.Split('/');
        if (p.Length != 9 || p[0] != ""
            || !p[1].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            || !p[3].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !p[5].Equals("providers", StringComparison.OrdinalIgnoreCase)
            || !p[6].Equals(ProviderNamespace, StringComparison.OrdinalIgnoreCase)
            || !p[7].Equals(ResourceTypeName, StringComparison.OrdinalIgnoreCase)
            || p[2] == "" || p[4] == "" || p[8] == "")
        {
            return false;
        }

        resourceId = new ResourceId(p[2], p[4], p[8]);
        return true;
    }

    public override string ToString() =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{ProviderNamespace}/{ResourceTypeName}/{Name}";
}
