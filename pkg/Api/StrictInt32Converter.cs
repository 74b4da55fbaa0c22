using System.Numerics;
using Newtonsoft.Json;

namespace Rp.Api;

/// <summary>
/// Reads an integer only from a JSON integer: Newtonsoft would otherwise round <c>3.5</c> and parse
/// <c>"3"</c>.
/// </summary>
internal sealed class StrictInt32Converter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(int) || objectType == typeof(int?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null when objectType == typeof(int?):
                return null;
            case JsonToken.Integer:
                var value = reader.Value switch
                {
                    long l => (BigInteger)l,
                    BigInteger b => b,
                    var other => new BigInteger(Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture)),
                };
                if (value < int.MinValue || value > int.MaxValue)
                {
                    throw ExternalJson.TypeMismatch(reader, "a 32-bit integer");
                }

                return (int)value;
            default:
                throw ExternalJson.TypeMismatch(reader, "an integer");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => writer.WriteValue(value);
}
