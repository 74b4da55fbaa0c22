using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Traffic;

/// <summary>
/// Writes every request/response pair the suite exchanges as one file in the form
/// <c>oav validate-traffic DIR SPEC</c> reads: <c>{"liveRequest":{headers, method, url, body},
/// "liveResponse":{statusCode, headers, body}}</c>, with the status code as a string, header values
/// as strings and bodies as parsed JSON. Only when <c>RP_TRAFFIC_DIR</c> names the directory.
/// </summary>
public sealed class TrafficRecorder(string directory) : DelegatingHandler
{
    public const string DirectoryVariable = "RP_TRAFFIC_DIR";

    private static int sequence;

    /// <summary>The recorder when <c>RP_TRAFFIC_DIR</c> is set, otherwise nothing.</summary>
    public static DelegatingHandler[] FromEnvironment() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory ? [new TrafficRecorder(directory)] : [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        var liveRequest = new JObject
        {
            ["headers"] = Headers(request.Headers, request.Content?.Headers),
            ["method"] = request.Method.Method,
            ["url"] = request.RequestUri!.AbsoluteUri,
        };
        AddBody(liveRequest, requestBody);

        var liveResponse = new JObject
        {
            ["statusCode"] = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["headers"] = Headers(response.Headers, response.Content.Headers),
        };
        AddBody(liveResponse, responseBody);

        var pair = new JObject { ["liveRequest"] = liveRequest, ["liveResponse"] = liveResponse };
        Directory.CreateDirectory(directory);
        var number = Interlocked.Increment(ref sequence);
        var file = Path.Combine(directory, $"{number:D5}-{request.Method.Method}-{(int)response.StatusCode}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Serialize(pair), cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// Indented JSON with every character outside printable ASCII escaped: oav's parser refuses
    /// some that JSON allows raw (DEL), and hostile requests carry them.
    /// </summary>
    private static string Serialize(JObject pair)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, StringEscapeHandling = StringEscapeHandling.EscapeNonAscii })
        {
            pair.WriteTo(writer);
        }

        return text.ToString().Replace("\u007f", "\\u007f", StringComparison.Ordinal);
    }

    private static JObject Headers(HttpHeaders headers, HttpContentHeaders? contentHeaders)
    {
        var result = new JObject();
        foreach (var (name, values) in headers.Concat(contentHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            result[name] = string.Join(", ", values);
        }

        return result;
    }

    /// <summary>A JSON body as parsed JSON; one that is not JSON (the suite sends some on purpose) as its text.</summary>
    private static void AddBody(JObject message, string body)
    {
        if (body.Length == 0)
        {
            return;
        }

        try
        {
            message["body"] = ArmResponse.Parse(body);
        }
        catch (JsonReaderException)
        {
            message["body"] = body;
        }
    }
}
