using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>One answer of the RP, with its body kept as text and parsed on demand (dates stay strings).</summary>
public sealed class ArmResponse(HttpMethod method, string url, HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, string text)
{
    private readonly Lazy<JToken?> json = new(() => Parse(text));

    public HttpMethod Method { get; } = method;

    public string Url { get; } = url;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public string Text { get; } = text;

    public JToken? Json => json.Value;

    /// <summary>The body as a JSON object; fails the test when it is not one.</summary>
    public JObject Body => Json as JObject ?? throw new Xunit.Sdk.XunitException($"Expected a JSON object body from {this}.");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static JToken? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public override string ToString() => $"{Method} {Url} -> {(int)StatusCode} {Text}";
}
