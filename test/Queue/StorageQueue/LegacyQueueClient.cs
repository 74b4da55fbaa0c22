using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Rp.Queue.Tests.StorageQueue;

/// <summary>
/// The messages of the queue client this RP had before Azure.Storage.Queues, as it put and read
/// them: REST API version 2021-12-02, SharedKey signed, a body as base64 of its UTF-8 bytes in a
/// <c>QueueMessage</c> document, never expiring. Kept in the tests only, to show that messages
/// it put are processed by <see cref="Rp.Queue.StorageQueue.StorageWorkQueue"/> and the other way round.
/// </summary>
public sealed class LegacyQueueClient : IDisposable
{
    private const string Version = "2021-12-02";

    // The standard headers in the order SharedKey's string to sign lists them.
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    private readonly HttpClient http = new();
    private readonly string accountName;
    private readonly byte[] accountKey;
    private readonly Uri queueUri;

    public LegacyQueueClient(string connectionString, string queueName)
    {
        var settings = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        accountName = settings["AccountName"];
        accountKey = Convert.FromBase64String(settings["AccountKey"]);
        queueUri = new Uri(settings["QueueEndpoint"].TrimEnd('/') + "/" + queueName);
    }

    /// <summary>Puts <paramref name="body"/> as the old client did.</summary>
    public Task PutAsync(string body) => PutTextAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)));

    /// <summary>Puts <paramref name="text"/> as the message text as it is, as a client that does not encode would.</summary>
    public async Task PutTextAsync(string text)
    {
        var xml = new XElement("QueueMessage", new XElement("MessageText", text)).ToString(SaveOptions.DisableFormatting);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(queueUri + "/messages?messagettl=-1"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml)) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } },
        };
        using var response = await SendAsync(request);
    }

    /// <summary>Takes the next visible message as the old client did and decodes its body; null when none is visible.</summary>
    public async Task<string?> GetBodyAsync(TimeSpan visibilityTimeout)
    {
        var seconds = ((int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{queueUri}/messages?numofmessages=1&visibilitytimeout={seconds}"));
        using var response = await SendAsync(request);
        var text = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root?.Element("QueueMessage")?.Element("MessageText")?.Value;
        return text is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(text));
    }

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.Add("x-ms-version", Version);
        var signature = HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(StringToSign(request)));
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", $"{accountName}:{Convert.ToBase64String(signature)}");
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>"Authorize with Shared Key" in the Storage REST documentation, for the requests this class sends.</summary>
    private string StringToSign(HttpRequestMessage request)
    {
        var builder = new StringBuilder(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = name switch
            {
                "Content-Length" => request.Content?.Headers.ContentLength is > 0 and var length ? length.ToString(CultureInfo.InvariantCulture) : "",
                "Content-Type" => request.Content?.Headers.ContentType?.ToString() ?? "",
                _ => "",
            };
            builder.Append(value).Append('\n');
        }

        foreach (var header in request.Headers.Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            builder.Append(header.Key.ToLowerInvariant()).Append(':').Append(string.Join(',', header.Value)).Append('\n');
        }

        var uri = request.RequestUri!;
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var parameter in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).OrderBy(p => p[0], StringComparer.Ordinal))
        {
            builder.Append('\n').Append(parameter[0]).Append(':').Append(Uri.UnescapeDataString(parameter[1]));
        }

        return builder.ToString();
    }
}
