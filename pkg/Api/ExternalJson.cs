using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Api;

/// <summary>The one JSON form of the versioned (external) models.</summary>
internal static class ExternalJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        Converters = { new StrictStringConverter(), new StrictInt32Converter() },
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    });

    public static JObject ToJObject(object model) => JObject.FromObject(model, Serializer);

    /// <summary>
    /// Reads a request body into a versioned model. A value of the wrong type is a 400
    /// <c>InvalidRequestContent</c> whose target is the JSON path of the value; the message never
    /// repeats the value, which may be a secret.
    /// </summary>
    public static T Deserialize<T>(JObject body)
        where T : class
    {
        try
        {
            StrictShapes.Check(body, typeof(T), Serializer.ContractResolver);
            return body.ToObject<T>(Serializer) ?? throw new JsonSerializationException("The request body is empty.");
        }
        catch (JsonException e)
        {
            var path = e switch
            {
                JsonSerializationException s => s.Path,
                JsonReaderException r => r.Path,
                _ => null,
            };
            var target = string.IsNullOrEmpty(path) ? null : path;
            var message = target is null
                ? "The request content was invalid and could not be deserialized."
                : $"The request content was invalid and could not be deserialized: the value of '{target}' has the wrong type.";
            throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, message, target);
        }
    }

    public static JsonSerializationException TypeMismatch(JsonReader reader, string expected) =>
        new($"Expected {expected}.", reader.Path, 0, 0, null);
}
