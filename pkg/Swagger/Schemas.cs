using Newtonsoft.Json.Linq;

namespace Rp.Swagger;

/// <summary>Small builders for the OpenAPI 2.0 schema objects the generated files are made of.</summary>
internal static class Schemas
{
    public static JObject Ref(string name) => new() { ["$ref"] = $"#/definitions/{name}" };

    public static JObject StringSchema(string description) => new() { ["type"] = "string", ["description"] = description };

    public static JObject ArmIdSchema(string description) => new() { ["type"] = "string", ["format"] = "arm-id", ["description"] = description };

    public static JObject UriSchema(string description) => new() { ["type"] = "string", ["format"] = "uri", ["description"] = description };

    public static JObject DateTimeSchema(string description) => new() { ["type"] = "string", ["format"] = "date-time", ["description"] = description };

    public static JObject Described(JObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    public static JObject ReadOnly(JObject schema)
    {
        schema["readOnly"] = true;
        return schema;
    }

    public static JObject Mutability(JObject schema, params string[] mutability)
    {
        schema["x-ms-mutability"] = new JArray(mutability);
        return schema;
    }

    public static JObject ArraySchema(string description, JObject items, params string[] identifiers) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["items"] = items,
        ["x-ms-identifiers"] = new JArray(identifiers),
    };

    public static JObject ObjectSchema(string description, params (string Name, JObject Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["description"] = description,
        ["properties"] = new JObject(properties.Select(p => new JProperty(p.Name, p.Schema))),
    };

    public static JObject Required(JObject schema, params string[] required)
    {
        schema["required"] = new JArray(required);
        return schema;
    }

    public static JObject Extends(JObject schema, string baseName)
    {
        schema["allOf"] = new JArray(Ref(baseName));
        return schema;
    }

    public static JObject AzureResource(JObject schema)
    {
        schema["x-ms-azure-resource"] = true;
        return schema;
    }

    public static JObject StringEnum(string name, string description, params (string Value, string Description)[] values) => new()
    {
        ["type"] = "string",
        ["description"] = description,
        ["enum"] = new JArray(values.Select(v => v.Value)),
        ["x-ms-enum"] = new JObject
        {
            ["name"] = name,
            ["modelAsString"] = true,
            ["values"] = new JArray(values.Select(v => new JObject { ["value"] = v.Value, ["name"] = v.Value, ["description"] = v.Description })),
        },
    };
}
