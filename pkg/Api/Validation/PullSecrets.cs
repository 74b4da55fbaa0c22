using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Api.Validation;

/// <summary>
/// The internal model holds a pull secret as its text (the registry credentials JSON an installer
/// consumes). Messages about a pull secret never include it.
/// </summary>
internal static class PullSecrets
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of a base64-encoded pull secret, or null when it is not base64 of non-empty UTF-8 text.</summary>
    public static string? DecodeBase64(string value)
    {
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length) || length == 0)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="value"/> is a JSON object whose <c>auths</c> is an object, as registries' pull secrets are.</summary>
    public static bool IsRegistryCredentialsJson(string value)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(value)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            return JToken.ReadFrom(reader) is JObject o && o["auths"] is JObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
