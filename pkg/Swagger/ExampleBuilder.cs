using Newtonsoft.Json.Linq;
using Rp.Api;

namespace Rp.Swagger;

/// <summary>
/// The <c>x-ms-examples</c> files of one api-version, made from the version's example builders
/// and shaped as the frontend answers: bodies with the resource's etag, async headers with absolute
/// URLs and Retry-After.
/// </summary>
internal sealed class ExampleBuilder(ApiVersionSpec spec)
{
    private const string OperationId = "4a8f1e52-36c1-4e1b-9a5e-0c2d7b9f3e61";
    private const string ETag = "\"8d2b6c1f4e7a4b0f9c3d5e8a1b2c3d4e\"";
    private const string RetryAfterSeconds = "5";
    private const string Host = "https://management.azure.com";

    private readonly ApiVersionExamples examples = spec.Examples;

    public Example OperationsList() => Make(
        "List the resource provider's operations",
        "Operations_List",
        new JObject { ["api-version"] = spec.Name },
        ("200", new JObject
        {
            ["body"] = new JObject
            {
                // An excerpt of what the RP serves: the cluster's read, write and delete.
                ["value"] = new JArray(ProviderOperations.All.Take(3).Select(o => o.ToJson())),
            },
        }));

    public Example List(bool byResourceGroup)
    {
        var parameters = Scope();
        if (!byResourceGroup)
        {
            parameters.Remove("resourceGroupName");
        }

        return Make(
            byResourceGroup ? "List the OpenShift clusters of a resource group" : "List the OpenShift clusters of a subscription",
            byResourceGroup ? "OpenShiftClusters_ListByResourceGroup" : "OpenShiftClusters_List",
            parameters,
            ("200", new JObject { ["body"] = new JObject { ["value"] = new JArray(Cluster(nameof(ProvisioningState.Succeeded))) } }));
    }

    public Example Get() => Make(
        "Get an OpenShift cluster",
        "OpenShiftClusters_Get",
        ClusterScope(),
        ("200", new JObject { ["headers"] = new JObject { ["ETag"] = ETag }, ["body"] = Cluster(nameof(ProvisioningState.Succeeded)) }));

    public Example Put()
    {
        var parameters = ClusterScope();
        parameters["parameters"] = SwaggerJson.FromModel(examples.PutRequest());
        return Make(
            "Create or replace an OpenShift cluster",
            "OpenShiftClusters_CreateOrUpdate",
            parameters,
            ("200", new JObject { ["headers"] = AsyncHeaders(withLocation: false, withETag: true), ["body"] = Cluster(nameof(ProvisioningState.Updating)) }),
            ("201", new JObject { ["headers"] = AsyncHeaders(withLocation: false, withETag: true), ["body"] = Cluster(nameof(ProvisioningState.Creating)) }));
    }

    public Example Patch()
    {
        var parameters = ClusterScope();
        parameters["parameters"] = SwaggerJson.FromModel(examples.PatchRequest());
        return Make(
            "Update an OpenShift cluster",
            "OpenShiftClusters_Update",
            parameters,
            ("200", new JObject { ["headers"] = new JObject { ["ETag"] = ETag }, ["body"] = Cluster(nameof(ProvisioningState.Succeeded)) }),
            ("202", new JObject { ["headers"] = AsyncHeaders(withLocation: true, withETag: true) }));
    }

    public Example Delete() => Make(
        "Delete an OpenShift cluster",
        "OpenShiftClusters_Delete",
        ClusterScope(),
        ("202", new JObject { ["headers"] = AsyncHeaders(withLocation: true, withETag: false) }),
        ("204", new JObject()));

    public Example Credentials(string operationId) => Make(
        operationId.EndsWith("_ListCredentials", StringComparison.Ordinal) ? "List the kubeadmin credentials of an OpenShift cluster" : "Get the kubeadmin credentials of an OpenShift cluster",
        operationId,
        ClusterScope(),
        ("200", new JObject { ["body"] = SwaggerJson.FromModel(examples.CredentialsResponse()) }));

    public Example AdminCredentials() => Make(
        "List the admin kubeconfig of an OpenShift cluster",
        "OpenShiftClusters_ListAdminCredentials",
        ClusterScope(),
        ("200", new JObject { ["body"] = SwaggerJson.FromModel(examples.AdminCredentialsResponse!()) }));

    public Example OperationStatus() => Make(
        "Get the status of an asynchronous operation",
        "OperationsStatus_Get",
        OperationScope(),
        ("200", new JObject
        {
            ["body"] = new JObject
            {
                ["id"] = OperationPath("operationsStatus"),
                ["name"] = OperationId,
                ["status"] = nameof(ProvisioningState.Succeeded),
                ["startTime"] = "2020-02-03T01:01:01+00:00",
                ["endTime"] = "2020-02-03T01:21:01+00:00",
            },
        }));

    public Example OperationResult() => Make(
        "Get the result of an asynchronous operation",
        "OperationResults_Get",
        OperationScope(),
        ("200", new JObject { ["body"] = Cluster(nameof(ProvisioningState.Succeeded)) }),
        ("202", new JObject
        {
            ["headers"] = new JObject
            {
                [ArmHeaderNames.Location] = $"{Host}{OperationPath("operationResults")}?api-version={spec.Name}",
                [ArmHeaderNames.RetryAfter] = RetryAfterSeconds,
            },
        }),
        ("204", new JObject()));

    private Example Make(string title, string operationId, JObject parameters, params (string Status, JObject Response)[] responses)
    {
        var file = new JObject
        {
            ["operationId"] = operationId,
            ["title"] = title,
            ["parameters"] = parameters,
            ["responses"] = new JObject(responses.Select(r => new JProperty(r.Status, r.Response))),
        };
        return new Example(title, new SwaggerFile($"{spec.Directory}/examples/{operationId}.json", SwaggerJson.ToText(file)));
    }

    /// <summary>The cluster of the version's examples in <paramref name="provisioningState"/>, with its etag, as the frontend writes it.</summary>
    private JObject Cluster(string provisioningState)
    {
        var cluster = SwaggerJson.FromModel(examples.Response());
        ((JObject)cluster["properties"]!)["provisioningState"] = provisioningState;
        cluster["etag"] = ETag;
        return cluster;
    }

    private JObject Scope() => new()
    {
        ["api-version"] = spec.Name,
        ["subscriptionId"] = examples.SubscriptionId,
        ["resourceGroupName"] = examples.ResourceGroup,
    };

    private JObject ClusterScope()
    {
        var parameters = Scope();
        parameters["resourceName"] = examples.ResourceName;
        return parameters;
    }

    private JObject OperationScope() => new()
    {
        ["api-version"] = spec.Name,
        ["subscriptionId"] = examples.SubscriptionId,
        ["location"] = examples.Location,
        ["operationId"] = OperationId,
    };

    private string OperationPath(string kind) =>
        $"/subscriptions/{examples.SubscriptionId}/providers/{ResourceId.ProviderNamespace}/locations/{examples.Location}/{kind}/{OperationId}";

    private JObject AsyncHeaders(bool withLocation, bool withETag)
    {
        var headers = new JObject { [ArmHeaderNames.AzureAsyncOperation] = $"{Host}{OperationPath("operationsStatus")}?api-version={spec.Name}" };
        if (withLocation)
        {
            headers[ArmHeaderNames.Location] = $"{Host}{OperationPath("operationResults")}?api-version={spec.Name}";
        }

        headers[ArmHeaderNames.RetryAfter] = RetryAfterSeconds;
        if (withETag)
        {
            headers["ETag"] = ETag;
        }

        return headers;
    }
}
