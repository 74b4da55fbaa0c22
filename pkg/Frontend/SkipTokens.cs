using System.Security.Cryptography;
using Newtonsoft.Json;
using Rp.Api;
using Rp.Database.Serialization;

namespace Rp.Frontend;

/// <summary>
/// <c>$skipToken</c>: the store's continuation sealed with authenticated encryption and bound to
/// the listing it came from, so a client can neither read, forge nor replay it on another list.
/// </summary>
internal sealed class SkipTokens(ISecretProtector protector)
{
    public string Seal(string scope, string continuation) =>
        protector.Protect(JsonConvert.SerializeObject(new[] { scope, continuation }));

    public string Open(string scope, string token)
    {
        try
        {
            var parts = JsonConvert.DeserializeObject<string[]>(protector.Unprotect(token));
            if (parts is [var sealedScope, var continuation] && sealedScope == scope)
            {
                return continuation;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or ArgumentException)
        {
            // Falls through to the same answer as a token for another list.
        }

        throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, "The $skipToken is not valid for this request.", "$skipToken");
    }
}
