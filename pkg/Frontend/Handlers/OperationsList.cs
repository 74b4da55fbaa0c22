using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Rp.Api;

namespace Rp.Frontend.Handlers;

/// <summary><c>GET /providers/RedHat.OpenShift/operations</c>: what this provider can be asked to do.</summary>
internal sealed class OperationsList
{
    private const string Resource = "openShiftClusters";

    private static readonly JObject Body = new()
    {
        ["value"] = new JArray(
            Operation($"{ResourceId.ProviderNamespace}/{Resource}/read", Resource, "Read OpenShift cluster", "Gets or lists OpenShift clusters."),
            Operation($"{ResourceId.ProviderNamespace}/{Resource}/write", Resource, "Write OpenShift cluster", "Creates or updates an OpenShift cluster."),
            Operation($"{ResourceId.ProviderNamespace}/{Resource}/delete", Resource, "Delete OpenShift cluster", "Deletes an OpenShift cluster."),
            Operation($"{ResourceId.ProviderNamespace}/{Resource}/listCredentials/action", Resource, "List credentials of an OpenShift cluster", "Lists the kubeadmin credentials of an OpenShift cluster."),
            Operation($"{ResourceId.ProviderNamespace}/{Resource}/listAdminCredentials/action", Resource, "List admin credentials of an OpenShift cluster", "Lists the admin kubeconfig of an OpenShift cluster."),
            Operation($"{ResourceId.ProviderNamespace}/{Resource}/credentials/read", Resource, "Read credentials of an OpenShift cluster", "Gets the kubeadmin credentials of an OpenShift cluster (2019-12-31-preview)."),
            Operation($"{ResourceId.ProviderNamespace}/locations/operationsStatus/read", "locations/operationsStatus", "Read operations status", "Gets the status of an asynchronous operation."),
            Operation($"{ResourceId.ProviderNamespace}/locations/operationResults/read", "locations/operationResults", "Read operation results", "Gets the result of an asynchronous operation."),
            Operation($"{ResourceId.ProviderNamespace}/operations/read", "operations", "Read operations", "Lists the operations of the resource provider."),
            Operation($"{ResourceId.ProviderNamespace}/register/action", ResourceId.ProviderNamespace, "Register", "Registers the subscription with the resource provider.")),
    };

    public Task HandleAsync(HttpContext context) => ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, Body);

    private static JObject Operation(string name, string resource, string operation, string description) => new()
    {
        ["name"] = name,
        ["isDataAction"] = false,
        ["display"] = new JObject
        {
            ["provider"] = "Azure Red Hat OpenShift",
            ["resource"] = resource,
            ["operation"] = operation,
            ["description"] = description,
        },
        ["origin"] = "user,system",
    };
}
