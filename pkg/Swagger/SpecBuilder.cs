using Newtonsoft.Json.Linq;
using Rp.Api;
using static Rp.Swagger.Schemas;

namespace Rp.Swagger;

/// <summary>
/// One api-version's OpenAPI 2.0 document and its examples: every route the RP serves for that
/// version (pkg/Frontend/FrontendRoutes.cs), with the status codes, headers and long-running
/// behaviour its handlers have.
/// </summary>
internal sealed class SpecBuilder
{
    private const string Provider = "/providers/" + ResourceId.ProviderNamespace;
    private const string Subscription = "/subscriptions/{subscriptionId}";

    // ARM specs spell resource types in camelCase; the RP matches path segments case-insensitively.
    private const string Clusters = Provider + "/openShiftClusters";
    private const string ResourceGroupClusters = Subscription + "/resourceGroups/{resourceGroupName}" + Clusters;
    private const string Cluster = ResourceGroupClusters + "/{resourceName}";
    private const string Location = Subscription + Provider + "/locations/{location}";

    private const string ClusterDefinition = "OpenShiftCluster";
    private const string ClusterUpdateDefinition = "OpenShiftClusterUpdate";
    private const string ClusterListDefinition = "OpenShiftClusterList";

    // ARM's rules allow PUT and PATCH no error status but the default one: the quota refusal is described.
    private const string QuotaRefusal = "A request that would take the subscription past its quota (its number of clusters, or the vCPUs of its clusters in the region) is refused before anything is written, with 409 and the error code ResourceQuotaExceeded, naming the limit, the use and the request.";

    /// <summary>The envelope <c>TrackedResource</c> already describes.</summary>
    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "id", "name", "type", "location", "tags", "systemData" };

    private readonly ApiVersionSpec spec;
    private readonly SchemaBuilder schemas;
    private readonly ExampleBuilder examples;
    private readonly List<SwaggerFile> exampleFiles = [];

    private SpecBuilder(ApiVersionSpec spec, XmlDocs docs)
    {
        this.spec = spec;
        schemas = new SchemaBuilder(docs);
        examples = new ExampleBuilder(spec);
    }

    /// <summary>The spec of <paramref name="spec"/> and its example files.</summary>
    public static IEnumerable<SwaggerFile> Build(ApiVersionSpec spec, XmlDocs docs)
    {
        if (spec.AdminCredentials is null == spec.Version.SupportsAdminCredentials || spec.Examples.AdminCredentialsResponse is null == spec.Version.SupportsAdminCredentials)
        {
            throw new InvalidOperationException($"api-version {spec.Name}: admin credentials types and examples must be given exactly when the version supports them.");
        }

        var builder = new SpecBuilder(spec, docs);
        var document = builder.Document();
        return [new SwaggerFile(spec.SpecPath, SwaggerJson.ToText(document)), .. builder.exampleFiles];
    }

    private JObject Document()
    {
        var cluster = schemas.Definitions[schemas.Add(spec.Cluster, secretsAreWriteOnly: true, Envelope)]!;
        cluster["allOf"] = new JArray(CommonTypes.Definition("TrackedResource"));
        var clusterProperties = (JObject)cluster["properties"]!;
        ((JObject)clusterProperties["properties"]!)["x-ms-client-flatten"] = true;

        // The frontend adds the resource's etag to every representation of it.
        clusterProperties["etag"] = ReadOnly(StringSchema("The resource's entity tag, also in the ETag header: send it in If-Match to update only the version read."));

        // The PATCH body's tags and properties are described as the PUT body's are: a PATCH takes
        // the same fields, merged onto the current resource (tags replace the whole tag set).
        var trackedResource = (JObject)CommonTypes.Document()["definitions"]!["TrackedResource"]!;
        schemas.Definitions[ClusterUpdateDefinition] = ObjectSchema(
            "A PATCH of a cluster: tags replace the whole tag set; properties are merged into the current ones (RFC 7396).",
            ("tags", (JObject)trackedResource["properties"]!["tags"]!.DeepClone()),
            ("properties", (JObject)clusterProperties["properties"]!.DeepClone()));
        schemas.Definitions[ClusterListDefinition] = Required(
            ObjectSchema(
                "A page of OpenShift clusters.",
                ("value", ArraySchema("The clusters on this page.", Ref(ClusterDefinition), "id")),
                ("nextLink", UriSchema("The URL of the next page; absent on the last page."))),
            "value");
        schemas.Add(spec.Credentials, secretsAreWriteOnly: false);
        if (spec.AdminCredentials is not null)
        {
            schemas.Add(spec.AdminCredentials, secretsAreWriteOnly: false);
        }

        return new JObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JObject
            {
                ["title"] = "Azure Red Hat OpenShift",
                ["description"] = "The Azure Red Hat OpenShift resource provider: OpenShift clusters as Azure Resource Manager resources.",
                ["version"] = spec.Name,
            },
            ["host"] = "management.azure.com",
            ["schemes"] = new JArray("https"),
            ["consumes"] = new JArray("application/json"),
            ["produces"] = new JArray("application/json"),
            ["security"] = new JArray(new JObject { ["azure_auth"] = new JArray("user_impersonation") }),
            ["securityDefinitions"] = new JObject
            {
                ["azure_auth"] = new JObject
                {
                    ["type"] = "oauth2",
                    ["description"] = "Azure Active Directory OAuth2 flow.",
                    ["flow"] = "implicit",
                    ["authorizationUrl"] = "https://login.microsoftonline.com/common/oauth2/authorize",
                    ["scopes"] = new JObject { ["user_impersonation"] = "Act as your user account." },
                },
            },
            ["paths"] = Paths(),
            ["definitions"] = schemas.Definitions,
            ["parameters"] = new JObject
            {
                ["ResourceNameParameter"] = new JObject
                {
                    ["name"] = "resourceName",
                    ["in"] = "path",
                    ["description"] = "The cluster's name: 1 to 63 letters, digits, '-' or '_', starting and ending with a letter or digit.",
                    ["required"] = true,
                    ["type"] = "string",
                    ["minLength"] = 1,
                    ["maxLength"] = 63,
                    ["pattern"] = "^[a-zA-Z0-9]([-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$",
                    ["x-ms-parameter-location"] = "method",
                },
                ["IfMatchParameter"] = Header("If-Match", "ifMatch", "Act only if the resource's current ETag is this one (or, with *, if the resource exists)."),
                ["IfNoneMatchParameter"] = Header("If-None-Match", "ifNoneMatch", "With *, create only: fail if the resource exists."),
            },
        };
    }

    private JObject Paths()
    {
        var paths = new JObject
        {
            [Provider + "/operations"] = new JObject { ["get"] = OperationsList() },
            [Subscription + Clusters] = new JObject { ["get"] = List("OpenShiftClusters_List", "Lists the OpenShift clusters of a subscription.", withResourceGroup: false) },
            [ResourceGroupClusters] = new JObject { ["get"] = List("OpenShiftClusters_ListByResourceGroup", "Lists the OpenShift clusters of a resource group.", withResourceGroup: true) },
            [Cluster] = new JObject
            {
                ["get"] = Get(),
                ["put"] = Put(),
                ["patch"] = Patch(),
                ["delete"] = Delete(),
            },
        };
        if (spec.Version.SupportsCredentialsGet)
        {
            paths[Cluster + "/credentials"] = new JObject { ["get"] = Credentials("OpenShiftClusters_GetCredentials", "Gets the kubeadmin credentials of an OpenShift cluster (this api-version only; later ones use listCredentials).") };
        }

        paths[Cluster + "/listCredentials"] = new JObject { ["post"] = Credentials("OpenShiftClusters_ListCredentials", "Lists the kubeadmin credentials of an OpenShift cluster.") };
        if (spec.AdminCredentials is not null)
        {
            paths[Cluster + "/listAdminCredentials"] = new JObject { ["post"] = AdminCredentials() };
        }

        paths[Location + "/operationsStatus/{operationId}"] = new JObject { ["get"] = OperationStatus() };
        paths[Location + "/operationResults/{operationId}"] = new JObject { ["get"] = OperationResult() };
        return paths;
    }

    private JObject OperationsList() => Operation(
        "Operations",
        "Operations_List",
        "Lists the operations of the RedHat.OpenShift resource provider.",
        [CommonTypes.Parameter("ApiVersionParameter")],
        new JObject { ["200"] = Response("The operations.", CommonTypes.Definition("OperationListResult")) },
        examples.OperationsList(),
        pageable: true);

    private JObject List(string operationId, string description, bool withResourceGroup) => Operation(
        "OpenShiftClusters",
        operationId,
        description,
        withResourceGroup ? [.. Scope(resourceGroup: true)] : [.. Scope(resourceGroup: false)],
        new JObject { ["200"] = Response("A page of clusters.", Ref(ClusterListDefinition)) },
        examples.List(withResourceGroup),
        pageable: true);

    private JObject Get() => Operation(
        "OpenShiftClusters",
        "OpenShiftClusters_Get",
        "Gets an OpenShift cluster.",
        [.. ClusterScope()],
        new JObject { ["200"] = Response("The cluster.", Ref(ClusterDefinition), ("ETag", ETagHeader())) },
        examples.Get());

    private JObject Put()
    {
        var operation = Operation(
            "OpenShiftClusters",
            "OpenShiftClusters_CreateOrUpdate",
            "Creates an OpenShift cluster, or replaces one: fields a replace omits take their defaults, except those that cannot change and secrets, which keep their stored values. The request is accepted at once with a non-terminal provisioningState; poll Azure-AsyncOperation for the outcome. " + QuotaRefusal,
            [.. ClusterScope(), Body("The cluster to create or the replacement of the existing one.", ClusterDefinition), LocalParameter("IfMatchParameter"), LocalParameter("IfNoneMatchParameter")],
            new JObject
            {
                ["200"] = Response("Replacing: the cluster, now Updating.", Ref(ClusterDefinition), AsyncHeaders(withLocation: false, withETag: true)),
                ["201"] = Response("Creating: the cluster, now Creating.", Ref(ClusterDefinition), AsyncHeaders(withLocation: false, withETag: true)),
            },
            examples.Put());
        return LongRunning(operation, "azure-async-operation");
    }

    private JObject Patch()
    {
        var operation = Operation(
            "OpenShiftClusters",
            "OpenShiftClusters_Update",
            "Updates an OpenShift cluster: tags replace the whole tag set and finish at once (200); any other change is accepted (202) and runs asynchronously. " + QuotaRefusal,
            [.. ClusterScope(), Body("The changes: tags, and properties merged into the current ones.", ClusterUpdateDefinition), LocalParameter("IfMatchParameter")],
            new JObject
            {
                ["200"] = Response("A tags-only update, done: the cluster.", Ref(ClusterDefinition), ("ETag", ETagHeader())),
                ["202"] = Response("Accepted: poll Azure-AsyncOperation for the status, Location for the result.", null, AsyncHeaders(withLocation: true, withETag: true)),
            },
            examples.Patch());
        return LongRunning(operation, "location");
    }

    private JObject Delete()
    {
        var operation = Operation(
            "OpenShiftClusters",
            "OpenShiftClusters_Delete",
            "Deletes an OpenShift cluster. Never refused because of the provisioning state: an operation still running ends Canceled.",
            [.. ClusterScope(), LocalParameter("IfMatchParameter")],
            new JObject
            {
                ["202"] = Response("Accepted: poll Azure-AsyncOperation for the status, Location for the result.", null, AsyncHeaders(withLocation: true, withETag: false)),
                ["204"] = Response("There is no such cluster.", null),
            },
            examples.Delete());
        return LongRunning(operation, "location");
    }

    private JObject Credentials(string operationId, string description) => Operation(
        "OpenShiftClusters",
        operationId,
        description,
        [.. ClusterScope()],
        new JObject { ["200"] = Response("The kubeadmin credentials.", Ref(spec.Credentials.Name)) },
        examples.Credentials(operationId));

    private JObject AdminCredentials() => Operation(
        "OpenShiftClusters",
        "OpenShiftClusters_ListAdminCredentials",
        "Lists the admin kubeconfig of an OpenShift cluster.",
        [.. ClusterScope()],
        new JObject { ["200"] = Response("The admin kubeconfig.", Ref(spec.AdminCredentials!.Name)) },
        examples.AdminCredentials());

    private JObject OperationStatus() => Operation(
        "OperationsStatus",
        "OperationsStatus_Get",
        "Gets the status of an asynchronous operation: the URL of the Azure-AsyncOperation header.",
        [.. OperationScope()],
        new JObject { ["200"] = Response("The operation's status; while it runs, with Retry-After.", CommonTypes.Definition("OperationStatusResult"), RetryAfterHeader()) },
        examples.OperationStatus());

    private JObject OperationResult() => Operation(
        "OperationResults",
        "OperationResults_Get",
        "Gets the result of an asynchronous operation: the URL of the Location header.",
        [.. OperationScope()],
        new JObject
        {
            ["200"] = Response("The operation updated the cluster: the cluster.", Ref(ClusterDefinition)),
            ["202"] = Response("The operation is still running.", null, AsyncHeaders(withLocation: true, withETag: false, withAsyncOperation: false)),
            ["204"] = Response("The operation deleted the cluster.", null),
        },
        examples.OperationResult());

    private JObject Operation(string tag, string operationId, string description, JToken[] parameters, JObject responses, Example example, bool pageable = false)
    {
        responses["default"] = Response("The error that ended the request.", CommonTypes.Definition("ErrorResponse"));
        var operation = new JObject
        {
            ["tags"] = new JArray(tag),
            ["operationId"] = operationId,
            ["description"] = description,
            ["parameters"] = new JArray(parameters),
            ["responses"] = responses,
        };
        if (pageable)
        {
            operation["x-ms-pageable"] = new JObject { ["nextLinkName"] = "nextLink" };
        }

        exampleFiles.Add(example.File);
        operation["x-ms-examples"] = new JObject
        {
            [example.Title] = new JObject { ["$ref"] = "./" + example.File.Path[(spec.Directory.Length + 1)..] },
        };
        return operation;
    }

    private static JObject LongRunning(JObject operation, string finalStateVia)
    {
        operation["x-ms-long-running-operation"] = true;
        operation["x-ms-long-running-operation-options"] = new JObject { ["final-state-via"] = finalStateVia };
        return operation;
    }

    private static IEnumerable<JToken> Scope(bool resourceGroup)
    {
        yield return CommonTypes.Parameter("ApiVersionParameter");
        yield return CommonTypes.Parameter("SubscriptionIdParameter");
        if (resourceGroup)
        {
            yield return CommonTypes.Parameter("ResourceGroupNameParameter");
        }
    }

    private static IEnumerable<JToken> ClusterScope() => [.. Scope(resourceGroup: true), LocalParameter("ResourceNameParameter")];

    private static IEnumerable<JToken> OperationScope() =>
        [.. Scope(resourceGroup: false), CommonTypes.Parameter("LocationParameter"), CommonTypes.Parameter("OperationIdParameter")];

    private static JObject LocalParameter(string name) => new() { ["$ref"] = $"#/parameters/{name}" };

    private static JObject Body(string description, string definition) => new()
    {
        ["name"] = "parameters",
        ["in"] = "body",
        ["description"] = description,
        ["required"] = true,
        ["schema"] = Ref(definition),
    };

    private static JObject Header(string name, string clientName, string description) => new()
    {
        ["name"] = name,
        ["in"] = "header",
        ["description"] = description,
        ["required"] = false,
        ["type"] = "string",
        ["x-ms-parameter-location"] = "method",
        ["x-ms-client-name"] = clientName,
    };

    private static JObject Response(string description, JObject? schema, params (string Name, JObject Header)[] headers)
    {
        var response = new JObject { ["description"] = description };
        if (schema is not null)
        {
            response["schema"] = schema;
        }

        if (headers.Length > 0)
        {
            response["headers"] = new JObject(headers.Select(h => new JProperty(h.Name, h.Header)));
        }

        return response;
    }

    private static (string, JObject)[] AsyncHeaders(bool withLocation, bool withETag, bool withAsyncOperation = true)
    {
        var headers = new List<(string, JObject)>();
        if (withAsyncOperation)
        {
            headers.Add((ArmHeaderNames.AzureAsyncOperation, new JObject { ["type"] = "string", ["description"] = "The URL of the operation's status." }));
        }

        if (withLocation)
        {
            headers.Add((ArmHeaderNames.Location, new JObject { ["type"] = "string", ["description"] = "The URL of the operation's result." }));
        }

        headers.Add(RetryAfterHeader());
        if (withETag)
        {
            headers.Add(("ETag", ETagHeader()));
        }

        return [.. headers];
    }

    private static (string, JObject) RetryAfterHeader() =>
        (ArmHeaderNames.RetryAfter, new JObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "The seconds to wait before polling." });

    private static JObject ETagHeader() => new() { ["type"] = "string", ["description"] = "The resource's entity tag." };
}
