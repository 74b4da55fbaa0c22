namespace Rp.Api;

/// <summary>What this provider can be asked to do: served by the operations API and shown in the API's examples.</summary>
public static class ProviderOperations
{
    private const string Clusters = "openShiftClusters";

    public static IReadOnlyList<ProviderOperation> All { get; } =
    [
        new($"{ResourceId.ProviderNamespace}/{Clusters}/read", Clusters, "Read OpenShift cluster", "Gets or lists OpenShift clusters."),
        new($"{ResourceId.ProviderNamespace}/{Clusters}/write", Clusters, "Write OpenShift cluster", "Creates or updates an OpenShift cluster."),
        new($"{ResourceId.ProviderNamespace}/{Clusters}/delete", Clusters, "Delete OpenShift cluster", "Deletes an OpenShift cluster."),
        new($"{ResourceId.ProviderNamespace}/{Clusters}/listCredentials/action", Clusters, "List credentials of an OpenShift cluster", "Lists the kubeadmin credentials of an OpenShift cluster."),
        new($"{ResourceId.ProviderNamespace}/{Clusters}/listAdminCredentials/action", Clusters, "List admin credentials of an OpenShift cluster", "Lists the admin kubeconfig of an OpenShift cluster."),
        new($"{ResourceId.ProviderNamespace}/{Clusters}/credentials/read", Clusters, "Read credentials of an OpenShift cluster", "Gets the kubeadmin credentials of an OpenShift cluster (2019-12-31-preview)."),
        new($"{ResourceId.ProviderNamespace}/locations/operationsStatus/read", "locations/operationsStatus", "Read operations status", "Gets the status of an asynchronous operation."),
        new($"{ResourceId.ProviderNamespace}/locations/operationResults/read", "locations/operationResults", "Read operation results", "Gets the result of an asynchronous operation."),
        new($"{ResourceId.ProviderNamespace}/operations/read", "operations", "Read operations", "Lists the operations of the resource provider."),
        new($"{ResourceId.ProviderNamespace}/register/action", ResourceId.ProviderNamespace, "Register", "Registers the subscription with the resource provider."),
    ];
}
