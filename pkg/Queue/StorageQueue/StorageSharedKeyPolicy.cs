using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Rp.Queue.StorageQueue;

/// <summary>
/// Signs each attempt with the account key ("Authorize with Shared Key" in the Storage REST
/// documentation): an HMAC-SHA256 of the verb, the standard headers, the <c>x-ms-</c> headers and
/// the resource. Runs after <see cref="StorageDatePolicy"/>, whose <c>x-ms-date</c> it signs.
/// </summary>
internal sealed class StorageSharedKeyPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    // The standard headers in the order the string to sign lists them.
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public override void OnSendingRequest(HttpMessage message)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(StringToSign(message.Request, accountName))));
        message.Request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }

    internal static string StringToSign(Request request, string accountName)
    {
        var builder = new StringBuilder(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders)
        {
            builder.Append(StandardHeaderValue(request, name)).Append('\n');
        }

        foreach (var header in request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var parameter in QueryParameters(uri).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(',', parameter.Value.Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static string StandardHeaderValue(Request request, string name)
    {
        if (name == "Content-Length")
        {
            // Since version 2015-02-21 an empty body signs as an empty length, not "0".
            return request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
                ? length.ToString(CultureInfo.InvariantCulture)
                : "";
        }

        return request.Headers.TryGetValue(name, out var value) ? value : "";
    }

    private static Dictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(separator < 0 ? pair : pair[..separator]).ToLowerInvariant();
            var value = separator < 0 ? "" : Uri.UnescapeDataString(pair[(separator + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}
