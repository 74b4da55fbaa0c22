using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Frontend.Quotas;

namespace Rp.Frontend.Preflight;

/// <summary>
/// ARM's deployment preflight, <c>POST .../providers/Microsoft.Resources/deployments/{name}/preflight</c>
/// with <c>{"resources":[...]}</c>: each resource of this RP's type is validated, in its own
/// api-version, exactly as its PUT would be (as a create, or as an update of the stored cluster),
/// the subscription's quota included.
/// Always 200: <c>{"status":"Succeeded"}</c>, or <c>"Failed"</c> with the error of each invalid
/// resource, its target the JSON path in this request. Writes nothing.
/// </summary>
internal sealed partial class DeploymentPreflight(
    IOpenShiftClusters clusters,
    ApiVersions versions,
    ClusterRequestValidator validator,
    QuotaChecker quota,
    ILogger<DeploymentPreflight> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var resources = (context.GetBody() as JObject)?["resources"] as JArray
            ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, "The request body must be a JSON object with a 'resources' array.", "resources");

        var failures = new List<CloudErrorBody>();
        var validated = 0;
        for (var i = 0; i < resources.Count; i++)
        {
            var path = $"resources[{i}]";
            try
            {
                if (await ValidateAsync(context, resources[i], path, context.RequestAborted).ConfigureAwait(false))
                {
                    validated++;
                }
            }
            catch (CloudError e)
            {
                failures.Add(Locate(e.Error, path));
            }
        }

        LogPreflight(logger, (string)context.GetRouteValue("deploymentName")!, resources.Count, validated, failures.Count);
        var result = failures.Count == 0 ? PreflightResults.Succeeded() : PreflightResults.Failed(PreflightResults.Combine(failures));
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
    }

    /// <summary>Throws the CloudError its PUT would answer; false for what is not validated here.</summary>
    private async Task<bool> ValidateAsync(HttpContext context, JToken token, string path, CancellationToken cancellationToken)
    {
        var resource = token as JObject ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, "A resource must be a JSON object.");
        var type = resource["type"] is { Type: JTokenType.String } t ? (string)t! : throw CloudError.InvalidParameter("type", "The resource type is required.");

        // Other providers' resources are theirs to validate; a value still an expression is not
        // what the PUT will carry (ARM sends resolved values), so the resource cannot be judged yet.
        if (!string.Equals(type, OpenShiftCluster.ResourceType, StringComparison.OrdinalIgnoreCase) || TemplateExpressions.ContainsExpression(resource))
        {
            return false;
        }

        var version = Version(resource);
        var id = Id(context, resource);
        var existing = await clusters.GetAsync(id.Key, cancellationToken).ConfigureAwait(false);
        var target = existing is null ? ClusterRequestValidator.NewCluster(id) : validator.Copy(existing.OpenShiftCluster);
        // Detached, so that the paths in its errors start at the resource, as in its PUT's.
        var body = (JObject)resource.DeepClone();
        validator.Apply(version, id, body, existing is null ? null : target, target, isPut: true);
        await quota.CheckAsync(id, existing?.OpenShiftCluster, target, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private IApiVersion Version(JObject resource)
    {
        if (resource["apiVersion"] is not { Type: JTokenType.String } value || ((string)value!).Length == 0)
        {
            throw CloudError.BadRequest(CloudErrorCodes.MissingApiVersionParameter, "The resource's apiVersion is required.", "apiVersion");
        }

        var name = (string)value!;
        return versions.TryGetValue(name, out var version)
            ? version
            : throw CloudError.BadRequest(
                CloudErrorCodes.InvalidApiVersionParameter,
                $"The resource type '{OpenShiftCluster.ResourceType}' does not support the api-version '{name}'. The supported api-versions are '{string.Join(", ", versions.Names)}'.",
                "apiVersion");
    }

    /// <summary>The resource's id when it names a cluster (ARM sends it), else this deployment's resource group and the resource's name.</summary>
    private static ResourceId Id(HttpContext context, JObject resource)
    {
        if (resource["id"] is { Type: JTokenType.String } id && ResourceId.TryParse((string)id!, out var parsed))
        {
            return parsed!;
        }

        var name = resource["name"] is { Type: JTokenType.String } n ? (string)n! : throw CloudError.InvalidParameter("name", "The resource name is required.");
        return new ResourceId((string)context.GetRouteValue("subscriptionId")!, (string)context.GetRouteValue("resourceGroupName")!, name);
    }

    private static CloudErrorBody Locate(CloudErrorBody error, string path) =>
        new(error.Code, error.Message, error.Target is null ? path : $"{path}.{error.Target}") { Details = error.Details };

    [LoggerMessage(Level = LogLevel.Information, Message = "Preflight of deployment {DeploymentName}: {Resources} resources, {Validated} validated, {Failed} invalid")]
    private static partial void LogPreflight(ILogger logger, string deploymentName, int resources, int validated, int failed);
}
