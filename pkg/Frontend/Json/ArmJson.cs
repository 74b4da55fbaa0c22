using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using JsonReaderOptions = System.Text.Json.JsonReaderOptions;
using Utf8JsonReader = System.Text.Json.Utf8JsonReader;

namespace Rp.Frontend.Json;

/// <summary>Reading and writing external JSON: strings stay strings (no date guessing), enums are written by name, nesting is bounded.</summary>
internal static class ArmJson
{
    private const int MaxDepth = 64;

    private static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = MaxDepth,
        Converters = { new StringEnumConverter() },
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Parses a request body. It must be strict JSON (RFC 8259): Newtonsoft alone would also take
    /// single quotes, comments, unquoted names and trailing commas, which ARM never sends.
    /// </summary>
    public static JToken Parse(ArraySegment<byte> utf8)
    {
        if (utf8.AsSpan().StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        EnsureStrict(utf8);
        using var reader = new StreamReader(new MemoryStream(utf8.Array!, utf8.Offset, utf8.Count, writable: false), Encoding.UTF8);
        using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, MaxDepth = MaxDepth };
        return JToken.ReadFrom(json);
    }

    public static JToken FromObject(object value) => JToken.FromObject(value, Serializer);

    public static byte[] ToUtf8(JToken token) => Encoding.UTF8.GetBytes(token.ToString(Formatting.None));

    private static void EnsureStrict(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new JsonReaderException(e.Message, e);
        }
    }
}
