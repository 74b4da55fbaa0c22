using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Json;

/// <summary>Reading and writing external JSON: strings stay strings (no date guessing), nesting is bounded.</summary>
internal static class ArmJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
        Converters = { new StringEnumConverter() },
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static async Task<JToken> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        var token = await JToken.ReadFromAsync(json, cancellationToken).ConfigureAwait(false);
        if (await json.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new JsonReaderException("Additional text found after the JSON value.");
        }

        return token;
    }

    public static JToken FromObject(object value) => JToken.FromObject(value, Serializer);

    public static byte[] ToUtf8(JToken token) => Encoding.UTF8.GetBytes(token.ToString(Formatting.None));
}
