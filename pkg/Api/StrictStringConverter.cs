using Newtonsoft.Json;

namespace Rp.Api;

/// <summary>
/// Reads a string only from a JSON string: Newtonsoft would otherwise turn <c>5</c> or <c>true</c>
/// into <c>"5"</c> or <c>"True"</c>, and a client's type mistake would go unnoticed.
/// </summary>
internal sealed class StrictStringConverter : JsonConverter<string>
{
    public override string? ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.String => (string?)reader.Value,
            JsonToken.Null => null,

            // A caller that parsed the body with date parsing on has turned date-like strings into dates.
            JsonToken.Date => reader.Value switch
            {
                DateTimeOffset d => d.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                DateTime d => d.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                _ => throw ExternalJson.TypeMismatch(reader, "a string"),
            },
            _ => throw ExternalJson.TypeMismatch(reader, "a string"),
        };

    public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer) => writer.WriteValue(value);
}
