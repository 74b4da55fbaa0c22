using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Serialization;

/// <summary>Writes a <see cref="Secret"/> encrypted and reads it back; only the database's serializer has it.</summary>
internal sealed class SecretJsonConverter(ISecretProtector protector) : JsonConverter<Secret>
{
    public override void WriteJson(JsonWriter writer, Secret? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteValue(protector.Protect(value.Reveal()));
    }

    public override Secret? ReadJson(JsonReader reader, Type objectType, Secret? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.Null => null,
            JsonToken.String => new Secret(protector.Unprotect((string)reader.Value!)),
            _ => throw new JsonSerializationException($"Expected an encrypted string at {reader.Path}."),
        };
}
