using System.Text;
using System.Text.Unicode;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Rp.Api;
using JsonReaderOptions = System.Text.Json.JsonReaderOptions;
using JsonTokenType = System.Text.Json.JsonTokenType;
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
    /// Parses a request body; a 400 <c>InvalidRequestContent</c> when it is not strict JSON
    /// (RFC 8259) in valid UTF-8 with each property name once per object. Newtonsoft alone would
    /// also take single quotes, comments, unquoted names and trailing commas, replace invalid
    /// UTF-8 with U+FFFD and let the last of two equal names win, none of which ARM sends: ARM
    /// and the RP could read such a body differently. Names are compared ignoring case, as every
    /// name is matched.
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
        if (!Utf8.IsValid(utf8))
        {
            throw Invalid("The request content is not valid UTF-8 text.");
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var objects = new Stack<(HashSet<string> Names, string Path)>();
        var path = new Stack<string>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push((new HashSet<string>(StringComparer.OrdinalIgnoreCase), string.Join('.', path.Reverse())));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        // Unescaping also refuses escapes that are not Unicode text (a lone surrogate).
                        var name = reader.GetString()!;
                        var (names, objectPath) = objects.Peek();
                        if (!names.Add(name))
                        {
                            var target = objectPath.Length == 0 ? name : $"{objectPath}.{name}";
                            throw CloudError.BadRequest(
                                CloudErrorCodes.InvalidRequestContent,
                                $"The request content was invalid: the property '{target}' is given more than once (property names are case-insensitive).",
                                target);
                        }

                        while (path.Count >= objects.Count)
                        {
                            path.Pop();
                        }

                        path.Push(name);
                        break;
                    case JsonTokenType.String:
                        reader.GetString();
                        break;
                }
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Invalid($"The request content was invalid and could not be deserialized: '{e.Message}'");
        }
        catch (InvalidOperationException)
        {
            throw Invalid("The request content was invalid: a string holds an escape that is not Unicode text (a lone surrogate).");
        }
    }

    private static CloudError Invalid(string message) => CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, message);
}
