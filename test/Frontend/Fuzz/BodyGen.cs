using CsCheck;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// Valid bodies, driven by the schema: the operation's example, with every value whose domain the
/// schema closes (an enum, a bounded integer, a tag set) drawn from that domain, where the schema's
/// <c>x-ms-mutability</c> lets the request set it (on create, or on update).
/// </summary>
public static class BodyGen
{
    private const string Mutability = "x-ms-mutability";

    private static readonly Gen<JToken> Tags =
        Gen.Dictionary(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 12], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .:-"], 0, 24])[0, 5]
            .Select(tags => (JToken)new JObject(tags.Select(t => new JProperty(t.Key, t.Value))));

    /// <summary>A body like <paramref name="example"/> with what the schema lets <paramref name="update"/> (or a create) set drawn at random.</summary>
    public static Gen<JToken> Vary(JToken example, OpenApiSchema? schema, bool update)
    {
        if (schema is null || !Settable(schema, update))
        {
            return Const(example);
        }

        switch (example)
        {
            case JObject when schema.AdditionalProperties is { Type: "string" } && !AllProperties(schema).Any():
                return Tags;
            case JObject obj:
                var properties = obj.Properties().Select(p =>
                    Vary(p.Value, Property(schema, p.Name), update).Select(v => new JProperty(p.Name, v))).ToList();
                return Sequence(properties).Select(ps => (JToken)new JObject(ps));
            case JArray array:
                return Sequence(array.Select(item => Vary(item, schema.Items, update)).ToList()).Select(items => (JToken)new JArray(items));
            case JValue { Type: JTokenType.Integer } when schema.Minimum is { } min && schema.Maximum is { } max:
                return Gen.Int[(int)min, (int)max].Select(i => (JToken)new JValue(i));
            case JValue { Type: JTokenType.String } when schema.Enum.Count > 0:
                return Gen.OneOf([.. schema.Enum.OfType<OpenApiString>().Select(e => (JToken)new JValue(e.Value))]).Select(v => v.DeepClone());
            default:
                return Const(example);
        }
    }

    /// <summary>A random part of <paramref name="body"/>: each property of the root and of <c>properties</c> kept or left out.</summary>
    public static Gen<JToken> Subset(JToken body)
    {
        var paths = ((JObject)body).Properties()
            .SelectMany(p => p.Value is JObject inner && p.Name == "properties" ? inner.Properties().Select(i => i.Path) : [p.Path])
            .ToList();
        return Gen.Bool.Array[paths.Count].Select(keep =>
        {
            var copy = (JObject)body.DeepClone();
            foreach (var path in paths.Where((_, i) => !keep[i]))
            {
                copy.SelectToken(path)?.Parent?.Remove();
            }

            return (JToken)copy;
        });
    }

    /// <summary>The schema of property <paramref name="name"/> (matched ignoring case, as the RP matches names), through allOf.</summary>
    public static OpenApiSchema? Property(OpenApiSchema schema, string name) =>
        AllProperties(schema).FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static IEnumerable<KeyValuePair<string, OpenApiSchema>> AllProperties(OpenApiSchema schema) =>
        schema.Properties.Concat(schema.AllOf.SelectMany(AllProperties));

    private static bool Settable(OpenApiSchema schema, bool update)
    {
        if (schema.ReadOnly)
        {
            return false;
        }

        return !schema.Extensions.TryGetValue(Mutability, out var extension) || extension is not OpenApiArray modes
            || modes.OfType<OpenApiString>().Any(m => m.Value == (update ? "update" : "create"));
    }

    private static Gen<JToken> Const(JToken value) => Gen.Const(value).Select(v => v.DeepClone());

    private static Gen<List<T>> Sequence<T>(IReadOnlyList<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(0).Select(_ => new List<T>()), (all, next) => Gen.Select(all, next, (list, item) => new List<T>(list) { item }));
}
