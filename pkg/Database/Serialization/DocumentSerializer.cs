using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using Rp.Database.Documents;

namespace Rp.Database.Serialization;

/// <summary>
/// The one JSON form of persisted documents, shared by every store: camelCase, enums as strings,
/// dates round-tripped exactly, secrets encrypted, unknown fields kept.
/// </summary>
public sealed class DocumentSerializer
{
    private readonly JsonSerializer withoutETag;

    public DocumentSerializer(ISecretProtector protector)
    {
        Settings = Create(protector, new DefaultContractResolver { NamingStrategy = NamingStrategy() });
        Serializer = JsonSerializer.Create(Settings);
        withoutETag = JsonSerializer.Create(Create(protector, new WithoutETagContractResolver { NamingStrategy = NamingStrategy() }));
    }

    public JsonSerializerSettings Settings { get; }

    public JsonSerializer Serializer { get; }

    public string Serialize<T>(T document) => JsonConvert.SerializeObject(document, Settings);

    /// <summary>
    /// The document as a store keeps it when the ETag lives outside the body (it would be stale
    /// there after the next write): one pass, straight to text.
    /// </summary>
    public string SerializeWithoutETag(Document document)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text))
        {
            withoutETag.Serialize(json, document);
        }

        return text.ToString();
    }

    public T Deserialize<T>(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return Serializer.Deserialize<T>(reader) ?? throw new JsonSerializationException($"Empty {typeof(T).Name} document.");
    }

    private static CamelCaseNamingStrategy NamingStrategy() => new() { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };

    private static JsonSerializerSettings Create(ISecretProtector protector, IContractResolver resolver) =>
        new()
        {
            ContractResolver = resolver,
            Converters = { new StringEnumConverter(), new SecretJsonConverter(protector) },
            DateParseHandling = DateParseHandling.None,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
            NullValueHandling = NullValueHandling.Ignore,
            MissingMemberHandling = MissingMemberHandling.Ignore,
            MaxDepth = 64,
        };

    private sealed class WithoutETagContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(Document) && member.Name == nameof(Document.ETag))
            {
                property.ShouldSerialize = static _ => false;
            }

            return property;
        }
    }
}
