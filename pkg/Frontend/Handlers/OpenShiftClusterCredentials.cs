using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Handlers;

/// <summary>
/// <c>POST .../listCredentials</c> (and the preview's <c>GET .../credentials</c>) and
/// <c>POST .../listAdminCredentials</c>: the only responses that carry secrets.
/// </summary>
internal sealed partial class OpenShiftClusterCredentials(IOpenShiftClusters clusters, ILogger<OpenShiftClusterCredentials> logger)
{
    public Task HandleAsync(HttpContext context) =>
        RespondAsync(context, "kubeadmin credentials", (version, cluster) => cluster.Properties.KubeadminPassword is null ? null : version.CredentialsToExternal(cluster));

    public Task HandleAdminAsync(HttpContext context) =>
        RespondAsync(context, "admin kubeconfig", (version, cluster) => cluster.Properties.AdminKubeconfig is null ? null : version.AdminCredentialsToExternal(cluster));

    private async Task RespondAsync(HttpContext context, string what, Func<IApiVersion, OpenShiftCluster, Newtonsoft.Json.Linq.JObject?> render)
    {
        var id = context.ClusterId();
        var document = await clusters.GetAsync(id.Key, context.RequestAborted).ConfigureAwait(false) ?? throw ArmResponses.NotFound(id);
        EnsureAvailable(document);
        var body = render(context.GetApiVersion(), document.OpenShiftCluster)
            ?? throw new CloudError(409, CloudErrorCodes.Conflict, $"The cluster has no {what}: it was not installed successfully.");
        LogIssued(logger, what, id.ToString());
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private static void EnsureAvailable(OpenShiftClusterDocument document)
    {
        var state = document.OpenShiftCluster.Properties.ProvisioningState;
        if (!state.IsTerminal())
        {
            throw new CloudError(409, CloudErrorCodes.AnotherOperationInProgress, $"Credentials are not available while the cluster is {state}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {What} of {ResourceId}")]
    private static partial void LogIssued(ILogger logger, string what, string resourceId);
}
