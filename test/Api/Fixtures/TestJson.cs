using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Rp.Api.Tests.Fixtures;

/// <summary>
/// The internal model as JSON with its secrets in clear, so that a comparison of two clusters also
/// compares their secrets; and request bodies parsed as the frontend parses them.
/// </summary>
internal static class TestJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        Converters = { new StringEnumConverter(), new RevealingSecretConverter() },
        DateParseHandling = DateParseHandling.None,
        Formatting = Formatting.Indented,
    };

    public static string Serialize(OpenShiftCluster cluster) => JsonConvert.SerializeObject(cluster, Settings);

    public static OpenShiftCluster Clone(OpenShiftCluster cluster) =>
        JsonConvert.DeserializeObject<OpenShiftCluster>(Serialize(cluster), Settings)!;

    /// <summary>A body as a client sends it: text, parsed without turning date-like strings into dates.</summary>
    public static JObject Body(JObject body) => Parse(body.ToString(Formatting.None));

    public static JObject Body(object externalModel) => Body(JObject.FromObject(externalModel));

    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private sealed class RevealingSecretConverter : JsonConverter<Secret>
    {
        public override Secret? ReadJson(JsonReader reader, Type objectType, Secret? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.TokenType == JsonToken.Null ? null : new Secret((string)reader.Value!);

        public override void WriteJson(JsonWriter writer, Secret? value, JsonSerializer serializer) => writer.WriteValue(value?.Reveal());
    }
}
