using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rp.Api;
using static Rp.Swagger.Schemas;

namespace Rp.Swagger;

/// <summary>
/// The definitions of a version's models, read from their CLR types: every <see cref="JsonPropertyAttribute"/>
/// property with its JSON name, its type, its summary and what <see cref="ReadOnlyAttribute"/>,
/// <see cref="SecretAttribute"/>, <see cref="ImmutableAttribute"/>, <see cref="ApiEnumAttribute"/> and
/// <see cref="RangeAttribute"/> say of it.
/// </summary>
internal sealed class SchemaBuilder(XmlDocs docs)
{
    public JObject Definitions { get; } = new();

    /// <summary>
    /// Adds the definition of <paramref name="type"/> (named after it) and of every model it refers
    /// to, leaving out the JSON properties named in <paramref name="skip"/>; returns its name.
    /// </summary>
    /// <param name="secretsAreWriteOnly">
    /// True for a resource: its secrets are taken in requests and never returned. False for a
    /// credentials response, the one place a secret is returned.
    /// </param>
    public string Add(Type type, bool secretsAreWriteOnly, IReadOnlySet<string>? skip = null)
    {
        var name = type.Name;
        if (Definitions.ContainsKey(name))
        {
            return name;
        }

        var properties = new JObject();
        var definition = ObjectSchema(docs.Of(type));
        definition["properties"] = properties;
        Definitions[name] = definition;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName;
            if (jsonName is null || skip?.Contains(jsonName) == true)
            {
                continue;
            }

            properties[jsonName] = Property(property, secretsAreWriteOnly);
        }

        return name;
    }

    private JObject Property(PropertyInfo property, bool secretsAreWriteOnly)
    {
        var schema = Schema(property.PropertyType, secretsAreWriteOnly);
        schema["description"] = docs.Of(property);
        if (property.GetCustomAttribute<ApiEnumAttribute>() is { } values)
        {
            schema["enum"] = new JArray(values.Values);
            schema["x-ms-enum"] = new JObject { ["name"] = values.Name, ["modelAsString"] = true };
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema["minimum"] = JToken.FromObject(range.Minimum);
            schema["maximum"] = JToken.FromObject(range.Maximum);
        }

        if (property.GetCustomAttribute<ReadOnlyAttribute>() is not null)
        {
            schema["readOnly"] = true;
        }

        if (property.GetCustomAttribute<SecretAttribute>() is not null)
        {
            schema["x-ms-secret"] = true;
            if (secretsAreWriteOnly)
            {
                schema["x-ms-mutability"] = new JArray("create", "update");
            }
        }

        if (property.GetCustomAttribute<ImmutableAttribute>() is not null)
        {
            schema["x-ms-mutability"] = new JArray("read", "create");
        }

        return schema;
    }

    private JObject Schema(Type type, bool secretsAreWriteOnly)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new JObject { ["type"] = "string" };
        }

        if (type == typeof(int))
        {
            return new JObject { ["type"] = "integer", ["format"] = "int32" };
        }

        if (type == typeof(DateTimeOffset))
        {
            return new JObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            return new JObject { ["type"] = "object", ["additionalProperties"] = Schema(type.GetGenericArguments()[1], secretsAreWriteOnly) };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = type.GetGenericArguments()[0];
            var array = new JObject { ["type"] = "array", ["items"] = Schema(item, secretsAreWriteOnly) };
            if (item.IsClass && item != typeof(string))
            {
                // The RP matches list items by name (worker and ingress profiles), so clients can too.
                var name = item.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName).FirstOrDefault(n => n == "name");
                array["x-ms-identifiers"] = name is null ? new JArray() : new JArray(name);
            }

            return array;
        }

        if (type.IsClass && type.GetCustomAttribute<JsonObjectAttribute>() is not null)
        {
            return Ref(Add(type, secretsAreWriteOnly));
        }

        throw new NotSupportedException($"The versioned model type '{type}' has no OpenAPI form here: add it to {nameof(SchemaBuilder)}.");
    }
}
