using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Json;

/// <summary>
/// Reading and writing external JSON: strings stay strings (no date guessing), enums are written
/// by name (ARM's contract has no numeric enums: clients compare an operation's <c>status</c>
/// with "Succeeded"), nesting is bounded.
/// </summary>
internal static class ArmJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        Converters = { new StringEnumConverter() },
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
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
