using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Swagger;

/// <summary>The one text form of generated files: two-space indents and <c>\n</c> line ends on every OS, so a fresh generation compares byte for byte.</summary>
internal static class SwaggerJson
{
    private static readonly JsonSerializer ModelSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    });

    /// <summary>A versioned model as the RP writes it: nulls left out.</summary>
    public static JObject FromModel(object model) => JObject.FromObject(model, ModelSerializer);

    public static string ToText(JToken token)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false })
        {
            token.WriteTo(json);
        }

        writer.Write('\n');
        return writer.ToString();
    }
}
