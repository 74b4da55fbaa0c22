using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Frontend.Admin;

/// <summary>Writes a present secret as <see cref="Value"/>: an operator sees that it is there, never what it is (not even sealed).</summary>
internal sealed class RedactedSecretConverter : JsonConverter<Secret>
{
    public const string Value = "[redacted]";

    public override bool CanRead => false;

    public override void WriteJson(JsonWriter writer, Secret? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteValue(Value);
    }

    public override Secret? ReadJson(JsonReader reader, Type objectType, Secret? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Redacted secrets are only written.");
}
