using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Rp.Database.Serialization;

/// <summary>
/// The one JSON form of persisted documents, shared by every store: camelCase, enums as strings,
/// dates round-tripped exactly, secrets encrypted, unknown fields kept.
/// </summary>
public sealed class DocumentSerializer
{
    public DocumentSerializer(ISecretProtector protector)
    {
        Settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver
            {
                NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
            },
            Converters = { new StringEnumConverter(), new SecretJsonConverter(protector) },
            DateParseHandling = DateParseHandling.None,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
            NullValueHandling = NullValueHandling.Ignore,
            MissingMemberHandling = MissingMemberHandling.Ignore,
            MaxDepth = 64,
        };
        Serializer = JsonSerializer.Create(Settings);
    }

    public JsonSerializerSettings Settings { get; }

    public JsonSerializer Serializer { get; }

    public string Serialize<T>(T document) => JsonConvert.SerializeObject(document, Settings);

    public T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)
        ?? throw new JsonSerializationException($"Empty {typeof(T).Name} document.");
}
