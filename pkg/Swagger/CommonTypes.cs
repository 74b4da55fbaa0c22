using Newtonsoft.Json.Linq;
using static Rp.Swagger.Schemas;

namespace Rp.Swagger;

/// <summary>
/// ARM's common types (the resource envelope, errors, the operations list, the operation status and
/// the common parameters), as a local file laid out where real specifications find them, so that
/// the specs refer to them the usual way and the validators run without a network. Only what this
/// RP's specs use is written; the shapes are ARM's contract, the descriptions this RP's.
/// </summary>
internal static class CommonTypes
{
    public const string FilePath = "specification/common-types/resource-management/v6/types.json";

    /// <summary>The file as seen from a spec at <c>specification/{service}/resource-manager/{namespace}/{stability}/{version}/</c>.</summary>
    private const string FromSpec = "../../../../../common-types/resource-management/v6/types.json";

    public static JObject Definition(string name) => new() { ["$ref"] = $"{FromSpec}#/definitions/{name}" };

    public static JObject Parameter(string name) => new() { ["$ref"] = $"{FromSpec}#/parameters/{name}" };

    public static JObject Document() => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JObject { ["title"] = "Common types", ["version"] = "v6" },
        ["paths"] = new JObject(),
        ["definitions"] = new JObject
        {
            ["ActionType"] = StringEnum("ActionType", "Whether an operation is for internal use only.", ("Internal", "The operation is for internal use only.")),
            ["ErrorAdditionalInfo"] = ObjectSchema(
                "More information about an error.",
                ("type", ReadOnly(StringSchema("The kind of the additional information."))),
                ("info", ReadOnly(new JObject { ["type"] = "object", ["description"] = "The additional information." }))),
            ["ErrorDetail"] = ObjectSchema(
                "What went wrong.",
                ("code", ReadOnly(StringSchema("A PascalCase code for the error, for programs."))),
                ("message", ReadOnly(StringSchema("What went wrong, for people."))),
                ("target", ReadOnly(StringSchema("The JSON path of the request part at fault."))),
                ("details", ReadOnly(ArraySchema("Errors that led to this one.", Ref("ErrorDetail"), "message", "target"))),
                ("additionalInfo", ReadOnly(ArraySchema("More information about the error.", Ref("ErrorAdditionalInfo"))))),
            ["ErrorResponse"] = ObjectSchema(
                "The body of every error response of an Azure Resource Manager API.",
                ("error", Described(Ref("ErrorDetail"), "The error."))),
            ["Operation"] = ObjectSchema(
                "An operation of the resource provider, as listed by its operations API.",
                ("name", ReadOnly(StringSchema("The operation's name for role-based access control, such as Provider/resourceType/read."))),
                ("isDataAction", ReadOnly(new JObject { ["type"] = "boolean", ["description"] = "Whether the operation is a data-plane operation (true) or a control-plane one (false)." })),
                ("display", Described(Ref("OperationDisplay"), "The operation's names and description for people.")),
                ("origin", ReadOnly(Described(Ref("Origin"), "Who may call the operation."))),
                ("actionType", ReadOnly(Described(Ref("ActionType"), "Whether the operation is for internal use only.")))),
            ["OperationDisplay"] = ObjectSchema(
                "An operation's names and description for people.",
                ("provider", ReadOnly(StringSchema("The resource provider's name for people."))),
                ("resource", ReadOnly(StringSchema("The resource type's name for people."))),
                ("operation", ReadOnly(StringSchema("The operation's short name for people."))),
                ("description", ReadOnly(StringSchema("The operation's description for people.")))),
            ["OperationListResult"] = Required(
                ObjectSchema(
                    "A page of the resource provider's operations.",
                    ("value", ArraySchema("The operations on this page.", Ref("Operation"), "name")),
                    ("nextLink", UriSchema("The URL of the next page; absent on the last page."))),
                "value"),
            ["OperationStatusResult"] = Required(
                ObjectSchema(
                    "The status of an asynchronous operation.",
                    ("id", ArmIdSchema("The operation status resource's id.")),
                    ("name", StringSchema("The operation's name: the last segment of its id.")),
                    ("status", StringSchema("The operation's status.")),
                    ("percentComplete", new JObject { ["type"] = "number", ["format"] = "double", ["description"] = "How much of the operation is done, in percent.", ["minimum"] = 0, ["maximum"] = 100 }),
                    ("startTime", DateTimeSchema("When the operation started.")),
                    ("endTime", DateTimeSchema("When the operation ended.")),
                    ("operations", ArraySchema("The operation's own sub-operations.", Ref("OperationStatusResult"))),
                    ("error", Described(Ref("ErrorDetail"), "Why the operation failed or was canceled.")),
                    ("resourceId", ReadOnly(ArmIdSchema("The id of the resource the operation acts on.")))),
                "status"),
            ["Origin"] = StringEnum(
                "Origin",
                "Who may call an operation.",
                ("user", "Users."),
                ("system", "The system."),
                ("user,system", "Users and the system.")),
            ["Resource"] = AzureResource(ObjectSchema(
                "The fields every Azure Resource Manager resource has.",
                ("id", ReadOnly(ArmIdSchema("The resource's id: /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{namespace}/{type}/{name}."))),
                ("name", ReadOnly(StringSchema("The resource's name."))),
                ("type", ReadOnly(StringSchema("The resource's type: {namespace}/{type}."))),
                ("systemData", ReadOnly(Described(Ref("SystemData"), "Who created and last changed the resource, and when."))))),
            ["SystemData"] = ObjectSchema(
                "Who created and last changed a resource, and when.",
                ("createdBy", StringSchema("The identity that created the resource.")),
                ("createdByType", Described(Ref("createdByType"), "The kind of identity that created the resource.")),
                ("createdAt", DateTimeSchema("When the resource was created (UTC).")),
                ("lastModifiedBy", StringSchema("The identity that last changed the resource.")),
                ("lastModifiedByType", Described(Ref("createdByType"), "The kind of identity that last changed the resource.")),
                ("lastModifiedAt", DateTimeSchema("When the resource was last changed (UTC)."))),
            ["TrackedResource"] = Required(
                Extends(
                    ObjectSchema(
                        "An Azure Resource Manager resource that lives in a region and has tags.",
                        ("tags", new JObject { ["type"] = "object", ["description"] = "The resource's tags.", ["additionalProperties"] = new JObject { ["type"] = "string" } }),
                        ("location", Mutability(StringSchema("The region the resource lives in."), "read", "create"))),
                    "Resource"),
                "location"),
            ["createdByType"] = StringEnum(
                "createdByType",
                "A kind of identity.",
                ("User", "A user."),
                ("Application", "An application."),
                ("ManagedIdentity", "A managed identity."),
                ("Key", "A key.")),
        },
        ["parameters"] = new JObject
        {
            ["ApiVersionParameter"] = PathOrQuery("api-version", "query", "The API version of the request.", "client", ("minLength", 1), ("x-ms-client-name", "apiVersion")),
            ["LocationParameter"] = PathOrQuery("location", "path", "The region.", "method", ("minLength", 1)),
            ["OperationIdParameter"] = PathOrQuery("operationId", "path", "The id of an asynchronous operation.", "method", ("minLength", 1)),
            ["ResourceGroupNameParameter"] = PathOrQuery(
                "resourceGroupName", "path", "The resource group's name, matched case-insensitively.", "method", ("minLength", 1), ("maxLength", 90), ("pattern", "^[-\\w\\._\\(\\)]+$")),
            ["SubscriptionIdParameter"] = PathOrQuery("subscriptionId", "path", "The subscription's id, a UUID.", "client", ("format", "uuid")),
        },
    };

    private static JObject PathOrQuery(string name, string @in, string description, string location, params (string Key, JToken Value)[] more)
    {
        var parameter = new JObject { ["name"] = name, ["in"] = @in, ["description"] = description, ["required"] = true, ["type"] = "string" };
        foreach (var (key, value) in more)
        {
            parameter[key] = value;
        }

        parameter["x-ms-parameter-location"] = location;
        return parameter;
    }
}
