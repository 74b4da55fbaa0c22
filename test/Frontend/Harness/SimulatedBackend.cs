using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// What the backend would write when an operation ends, for tests on the frontend alone: the
/// terminal state and outcome on the resource, and the end of its async operation.
/// </summary>
public sealed class SimulatedBackend(RpFactory factory)
{
    public const string KubeadminPassword = "simulated-kubeadmin-password";

    public const string AdminKubeconfigText = "apiVersion: v1\nkind: Config\n";

    /// <summary>The kubeconfig as the admin credentials action returns it: base64.</summary>
    public static readonly string AdminKubeconfig = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AdminKubeconfigText));

    private IOpenShiftClusters Clusters => factory.GetRequiredService<IOpenShiftClusters>();

    private IAsyncOperations Operations => factory.GetRequiredService<IAsyncOperations>();

    private DateTimeOffset Now => factory.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Ends the running operation of <paramref name="cluster"/> with <paramref name="status"/>.</summary>
    public async Task EndOperationAsync(ClusterRef cluster, ProvisioningState status = ProvisioningState.Succeeded)
    {
        var now = Now;
        CloudErrorBody? error = status == ProvisioningState.Failed ? new CloudErrorBody(CloudErrorCodes.DeploymentFailed, "The simulated deployment failed.") : null;
        var operationId = await Retry.OnPreconditionFailedAsync(async ct =>
        {
            var doc = await Clusters.GetAsync(cluster.Id.ToLowerInvariant(), ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{cluster.Id} does not exist.");
            var properties = doc.OpenShiftCluster.Properties;
            properties.FailedProvisioningState = status == ProvisioningState.Failed ? properties.ProvisioningState : null;
            properties.ProvisioningState = status;
            if (status == ProvisioningState.Succeeded)
            {
                properties.KubeadminPassword ??= new Secret(KubeadminPassword);
                properties.AdminKubeconfig ??= new Secret(AdminKubeconfigText);
            }

            doc.LastOperation = new OperationOutcome { Id = doc.AsyncOperationId ?? "", Status = status, EndTime = now, Error = error };
            doc.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
            doc.Unqueued = false;
            await Clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
            return doc.AsyncOperationId;
        }).ConfigureAwait(false);

        await EndAsync(operationId, status, error, now).ConfigureAwait(false);
    }

    /// <summary>Finishes a running delete: the resource is gone and its operation Succeeded.</summary>
    public async Task FinishDeleteAsync(ClusterRef cluster)
    {
        var operationId = await Retry.OnPreconditionFailedAsync(async ct =>
        {
            var doc = await Clusters.GetAsync(cluster.Id.ToLowerInvariant(), ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{cluster.Id} does not exist.");
            if (doc.OpenShiftCluster.Properties.ProvisioningState != ProvisioningState.Deleting)
            {
                throw new InvalidOperationException($"{cluster.Id} is not being deleted.");
            }

            await Clusters.DeleteAsync(doc, ct).ConfigureAwait(false);
            return doc.AsyncOperationId;
        }).ConfigureAwait(false);

        await EndAsync(operationId, ProvisioningState.Succeeded, null, Now).ConfigureAwait(false);
    }

    /// <summary>A backend that died after removing the resource of a delete, before it recorded the delete's end.</summary>
    public async Task RemoveWithoutEndingAsync(ClusterRef cluster)
    {
        var doc = await Clusters.GetAsync(cluster.Id.ToLowerInvariant()).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{cluster.Id} does not exist.");
        await Clusters.DeleteAsync(doc).ConfigureAwait(false);
    }

    private async Task EndAsync(string? operationId, ProvisioningState status, CloudErrorBody? error, DateTimeOffset now)
    {
        if (operationId is null)
        {
            return;
        }

        await Retry.OnPreconditionFailedAsync(async ct =>
        {
            var operation = await Operations.GetAsync(operationId, ct).ConfigureAwait(false);
            if (operation is not null && operation.End(status, error, now))
            {
                await Operations.ReplaceAsync(operation, ct).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
    }
}
