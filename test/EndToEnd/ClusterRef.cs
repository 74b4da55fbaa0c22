namespace Rp.EndToEnd.Tests;

/// <summary>Where one cluster lives in ARM's URL space.</summary>
public sealed record ClusterRef(string SubscriptionId, string ResourceGroup, string Name)
{
    public string ResourceGroupPath => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}";

    public string Path => $"{ResourceGroupPath}/providers/RedHat.OpenShift/OpenShiftClusters/{Name}";

    /// <summary>How the backend's log scopes name it (<c>resourceId=...</c>, then a space).</summary>
    public string LogScope => $"resourceId={Path} ";

    /// <summary>The document key: the lower-cased resource id, as the backend's messages name it.</summary>
    public string Key => Path.ToLowerInvariant();
}
