using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Serialization;

/// <summary>Writes a <see cref="Secret"/> encrypted and reads it back sealed (decrypted on first use); only the database's serializer has it.</summary>
internal sealed class SecretJsonConverter(ISecretProtector protector) : JsonConverter<Secret>
{
    public override void WriteJson(JsonWriter writer, Secret? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        // A secret read from the store keeps its sealed form (no re-encryption) unless it was
        // sealed with a key that no longer encrypts.
        writer.WriteValue(value.SealedValue is { } sealedValue && protector.IsProtectedWithPrimaryKey(sealedValue)
            ? sealedValue
            : protector.Protect(value.Reveal()));
    }

    public override Secret? ReadJson(JsonReader reader, Type objectType, Secret? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.Null => null,
            JsonToken.String => Secret.FromSealed((string)reader.Value!, protector.Unprotect),
            _ => throw new JsonSerializationException($"Expected an encrypted string at {reader.Path}."),
        };
}
