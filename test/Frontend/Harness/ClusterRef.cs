namespace Rp.Frontend.Tests.Harness;

/// <summary>Where a cluster lives; every test makes subscriptions of its own so that tests sharing a host never meet.</summary>
public sealed record ClusterRef(string SubscriptionId, string ResourceGroup, string Name)
{
    public const string Provider = "RedHat.OpenShift";

    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{Provider}/OpenShiftClusters/{Name}";

    public string ResourceGroupList => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{Provider}/OpenShiftClusters";

    public string SubscriptionList => SubscriptionListOf(SubscriptionId);

    public string SubscriptionUrl => $"/subscriptions/{SubscriptionId}?api-version=2.0";

    public static ClusterRef New(string resourceGroup = "rg", string name = "cluster") => new(NewSubscriptionId(), resourceGroup, name);

    public static string NewSubscriptionId() => Guid.NewGuid().ToString();

    public static string SubscriptionListOf(string subscriptionId) => $"/subscriptions/{subscriptionId}/providers/{Provider}/OpenShiftClusters";

    public ClusterRef InGroup(string resourceGroup, string name) => this with { ResourceGroup = resourceGroup, Name = name };

    public string Url(string apiVersion, string action = "") => $"{Id}{action}?api-version={apiVersion}";
}
