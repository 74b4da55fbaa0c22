using System.Text;
using CsCheck;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>The mutations: hostile values of every kind ARM would never send.</summary>
public static partial class FuzzCases
{
    private const int BodyLimit = Harness.RpFactory.MaxRequestBodyBytes;

    private static readonly string[] ContentTypes =
    [
        "", "text/plain", "application/xml", "application/jsonp", "application/json-patch+json", "application/merge-patch+json",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=iso-8859-1",
        "APPLICATION/JSON", "application/json; charset=utf-8; x=y", "application/json;;", "*/*",
    ];

    /// <summary>Replacements of a path segment: the current (encoded) value in, the hostile one out.</summary>
    private static readonly (string What, Func<string, string> Apply)[] PathSegments =
    [
        ("trailing newline", v => v + "%0A"),
        ("trailing CR LF", v => v + "%0D%0A"),
        ("NUL inside", v => v + "%00x"),
        ("leading space", v => "%20" + v),
        ("encoded slash", v => v + "%2Fx"),
        ("backslash", v => v + "%5Cx"),
        ("hash", v => v + "%23x"),
        ("question mark", v => v + "%3Fx"),
        ("non-ASCII letter", v => v + "%C3%A4"),
        ("CJK", v => "%E5%90%8D%E5%89%8D"),
        ("zero-width space", v => v + "%E2%80%8B"),
        ("invalid UTF-8 escape", v => v + "%FF"),
        ("overlong UTF-8 escape", v => v + "%C0%AF"),
        ("dot", _ => "."),
        ("dot dot", _ => ".."),
        ("braces", v => "%7B" + v + "%7D"),
        ("upper case", v => v.ToUpperInvariant()),
        ("300 characters", _ => new string('a', 300)),
        ("8 KB", _ => new string('a', 8 * 1024)),
        ("tab", v => v + "%09"),
        ("percent sign", v => v + "%25"),
    ];

    private static readonly (string Parameter, string What, string Value)[] PathIds =
    [
        ("subscriptionId", "GUID without dashes", "00000000000000000000000000000000"),
        ("subscriptionId", "not hexadecimal", "00000000-0000-0000-0000-0000000000v2"),
        ("subscriptionId", "not a GUID", "mysubscription"),
        ("location", "display name", "East%20US"),
        ("location", "upper case", "EASTUS"),
        ("location", "hyphen", "east-us"),
        ("location", "well-formed, unknown", "marsnorth"),
        ("operationId", "not a GUID", "operation"),
        ("operationId", "another GUID", "4a8f1e52-36c1-4e1b-9a5e-0c2d7b9f3e61"),
        ("operationId", "braces", "%7B4a8f1e52-36c1-4e1b-9a5e-0c2d7b9f3e61%7D"),
        ("resourceName", "64 characters", new string('a', 64)),
        ("resourceName", "underscore first", "_a"),
        ("resourceGroupName", "91 characters", new string('a', 91)),
        ("resourceGroupName", "ending with a dot", "rg."),
    ];

    /// <summary>Queries, and which routes must refuse them: every one, the lists (which read $top and $skipToken), or none.</summary>
    private static readonly (string Query, Refusal Refused)[] QueryValues =
    [
        ("", Refusal.Always), ("api-version=", Refusal.Always), ("api-version=2020-04-31", Refusal.Always), ("api-version=2.0", Refusal.Always),
        ("api-version=%00", Refusal.Always), ("api-version=2020-04-30%0A", Refusal.Always), ("api-version={0}&api-version={0}", Refusal.Always),
        ("api-version=2019-12-31-preview", Refusal.Never), ("api-version=2020-04-30", Refusal.Never), ("api-version=2019-12-31-PREVIEW", Refusal.Never),
        ("API-VERSION={0}", Refusal.Never), ("api-version={0}&unknown=%FF", Refusal.Never), ("api-version={0}&$top=1", Refusal.Never),
        ("api-version={0}&$skipToken=", Refusal.Never), ("api-version={0}&$top=0", Refusal.Lists), ("api-version={0}&$top=-1", Refusal.Lists),
        ("api-version={0}&$top=abc", Refusal.Lists), ("api-version={0}&$top=99999999999", Refusal.Lists), ("api-version={0}&$top=1001", Refusal.Lists),
        ("api-version={0}&$top=%201", Refusal.Lists), ("api-version={0}&$skipToken=garbage", Refusal.Lists), ("api-version={0}&$skipToken=%00%FF", Refusal.Lists),
    ];

    /// <summary>Headers, and whether every route must refuse them (their values are logged, stored and echoed).</summary>
    private static readonly (string Name, string Value, bool Refused)[] RequestIdHeaders =
    [
        ("x-ms-client-request-id", "a\u0001b", true),
        ("x-ms-client-request-id", new string('a', 2000), true),
        ("x-ms-client-request-id", "clïent", true),
        ("x-ms-client-request-id", " ", false),
        ("x-ms-correlation-request-id", "a\u007Fb", true),
        ("x-ms-correlation-request-id", "äöü", true),
    ];

    /// <summary>Headers some routes read, with values no route may fail on.</summary>
    private static readonly (string Name, string Value)[] HostileHeaders =
    [
        ("x-ms-return-client-request-id", "TRUE"),
        ("x-ms-return-client-request-id", "\u0001"),
        ("Referer", "not a url"),
        ("Referer", "https://ärm.example/x"),
        ("Referer", "javascript:alert(1)"),
        ("Referer", "https://user:password@arm.example/x"),
        ("Referer", "https://arm.example:99999/x"),
        ("Referer", "https://" + new string('a', 300) + ".example/x"),
        ("Referer", "http://[::1]:8080/x"),
        ("If-Match", "*"),
        ("If-Match", "\"bogus\""),
        ("If-Match", "garbage"),
        ("If-Match", "W/\"x\""),
        ("If-None-Match", "*"),
        ("If-None-Match", "\"x\", \"y\""),
        ("x-ms-arm-resource-system-data", "{not json"),
        ("x-ms-arm-resource-system-data", "[]"),
        ("x-ms-arm-resource-system-data", "null"),
        ("x-ms-arm-resource-system-data", """{"createdAt":"not a date","createdBy":1}"""),
        ("x-ms-arm-resource-system-data", """{"createdBy":"ä\u0001","createdByType":"Bogus"}"""),
        ("Accept", "text/html"),
        ("Accept-Charset", "utf-16"),
        ("Expect", "100-continue"),
        ("x-ms-client-tenant-id", "\u0001\u0002"),
    ];

    private static readonly JToken[] WrongValues =
    [
        "text", "", " ", "x\n", "\u0000", "äöü", 0, -1, 12, 3.5, 1e40, (long)int.MaxValue + 1, long.MaxValue, int.MinValue,
        true, false, new JArray(), new JArray(1, "a"), new JObject(), new JObject { ["unknown"] = 1 }, JValue.CreateNull(),
    ];

    private static Gen<FuzzCase> BodyValues(FuzzCase valid)
    {
        var body = JToken.Parse(Encoding.UTF8.GetString(valid.Body!));
        var paths = body.SelectTokens("$..*").Select(t => t.Path).Where(p => p.Length > 0).ToList();
        var replacement = Gen.Frequency(
            (6, Gen.OneOf(WrongValues).Select(v => ("wrong value " + v.ToString(Formatting.None), (JToken?)v.DeepClone()))),
            (1, Gen.String[Gen.Char, 0, 3000].Select(s => ("random string", (JToken?)new JValue(s)))),
            (1, Gen.Int[BodyLimit, 2 * BodyLimit].Select(n => ("huge string", (JToken?)new JValue(new string('x', n))))),
            (1, Gen.Int[60, 300].Select(n => ("nested arrays", (JToken?)Nested(n)))),
            (1, Gen.Const(("removed", (JToken?)null))));
        return from index in Gen.Int[0, paths.Count - 1]
               from change in replacement
               from sibling in Gen.Int[0, 5]
               select Replace(valid, body, paths[index], change.Item1, change.Item2, unknownSibling: sibling == 0);
    }

    private static FuzzCase Replace(FuzzCase valid, JToken body, string path, string what, JToken? value, bool unknownSibling)
    {
        var copy = body.DeepClone();
        var target = copy.SelectToken(path)!;
        var mismatch = !unknownSibling && value is not null && value.Type != JTokenType.Null
            && (value.Type != target.Type || (value.Type == JTokenType.Integer && (long)value is < int.MinValue or > int.MaxValue));
        if (unknownSibling && target.Parent is JProperty { Parent: JObject parent })
        {
            parent["unknownFuzzProperty"] = value?.DeepClone() ?? "x";
            what = "unknown sibling, " + what;
        }
        else if (value is null)
        {
            if (target.Parent is JProperty property)
            {
                property.Remove();
            }
            else
            {
                target.Remove();
            }
        }
        else
        {
            target.Replace(value);
        }

        // A value of another JSON type than the model's is refused, and so is any other location
        // than a region the RP serves (on update, the one the cluster has): no replacement is one.
        return valid with
        {
            Body = Encoding.UTF8.GetBytes(copy.ToString(Formatting.None)),
            Kind = MutationKind.BodyValue,
            Mutation = $"{path}: {what}",
            MustRefuse = mismatch || (path == "location" && !unknownSibling),
        };
    }

    private static Gen<FuzzCase> RawBodies(FuzzCase valid)
    {
        const string Json = "application/json";
        var text = Encoding.UTF8.GetString(valid.Body!);
        var names = ((JObject)JToken.Parse(text)).Properties().Select(p => p.Name).DefaultIfEmpty("location").ToArray();
        byte[][] invalidUtf8 = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        (string What, byte[] Bytes, string ContentType, bool Refused) Edit(string what, string edited, bool refused = true) =>
            (what, Bytes(edited), Json, refused && edited != text);
        var bodies = Gen.OneOf<(string What, byte[] Bytes, string ContentType, bool Refused)>(
            from name in Gen.OneOf(names)
            from casing in Gen.Int[0, 2]
            from value in Gen.OneOf("\"x\"", "1", "{}", "null")
            let key = casing switch { 0 => name, 1 => name.ToUpperInvariant(), _ => char.ToUpperInvariant(name[0]) + name[1..] }
            select Edit($"duplicate key {key}", "{\"" + key + "\":" + value + "," + text[1..]),
            from at in Gen.Int[0, text.Length]
            from bad in Gen.OneOf(invalidUtf8)
            select ($"invalid UTF-8 at {at}", (byte[])[.. Encoding.UTF8.GetBytes(text[..at]), .. bad, .. Encoding.UTF8.GetBytes(text[at..])], Json, true),
            from at in Gen.Int[0, text.Length - 1]
            select Edit($"truncated at {at}", text[..at]),
            from control in Gen.Char['\0', '\u001F']
            select Edit($"raw control character U+{(int)control:X4} in a string", text.Replace("\":\"", "\":\"" + control, StringComparison.Ordinal)),
            Gen.Const(("byte order mark", (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], Json, false)),
            Gen.Const(("UTF-16", Encoding.Unicode.GetBytes(text), "application/json; charset=utf-16", true)),
            Gen.Const(("UTF-16 with a byte order mark", (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], Json, true)),
            Gen.Const(("empty", Array.Empty<byte>(), Json, true)),
            Gen.OneOf("[]", "\"x\"", "1", "null", "true", "[{}]").Select(json => Edit($"not an object: {json}", json)),
            Gen.Const(Edit("single quotes", text.Replace('"', '\''))),
            Gen.OneOf(" x", "}", ",", "{}", "\u0000").Select(tail => Edit($"trailing '{tail}'", text + tail)),
            Gen.Int[70, 5000].Select(depth => Edit($"nested {depth} deep", "{\"a\":" + new string('[', depth) + new string(']', depth) + "," + text[1..])),
            Gen.Int[BodyLimit + 1, 3 * BodyLimit].Select(size => Edit($"{size} bytes", new string(' ', size) + text)),
            Gen.Const(Edit("escaped lone surrogate", text.Replace("\":\"", "\":\"\\ud800", StringComparison.Ordinal))),
            Gen.Const(Edit("escaped NUL", text.Replace("\":\"", "\":\"\\u0000", StringComparison.Ordinal), refused: false)));
        return bodies.Select(b => valid with { Body = b.Bytes, ContentType = b.ContentType, Kind = MutationKind.RawBody, Mutation = b.What, MustRefuse = b.Refused });
    }

    private static Gen<FuzzCase> PathValueMutations(FuzzCase valid)
    {
        var names = valid.PathValues.Keys.ToArray();
        var ids = PathIds.Where(i => valid.PathValues.ContainsKey(i.Parameter)).ToArray();
        var generic = from name in Gen.OneOf(names)
                      from change in Gen.OneOf(PathSegments)
                      where valid.PathValues[name] != FuzzCase.SetupOperationId || change.What is "dot" or "dot dot" or "300 characters" or "8 KB" or "CJK"
                      select (name, change.What, change.Apply(valid.PathValues[name]));
        var gen = ids.Length == 0 ? generic : Gen.Frequency((3, generic), (1, Gen.OneOf(ids).Select(i => (i.Parameter, i.What, i.Value))));
        return gen.Select(m => valid with
        {
            PathValues = new Dictionary<string, string>(valid.PathValues) { [m.Item1] = m.Item3 },
            Kind = MutationKind.PathValue,
            Mutation = $"{m.Item1}: {m.Item2}",

            // Ids and locations have one spelling (a GUID in any case; a region name); a request line over the limit is never read.
            MustRefuse = m.Item2 == "8 KB"
                || (m.Item1 is "subscriptionId" or "operationId" && m.Item2 != "upper case")
                || (m.Item1 == "location" && m.Item2 != "well-formed, unknown"),
        });
    }

    private static Gen<FuzzCase> QueryMutations(FuzzCase valid) =>
        Gen.OneOf(QueryValues).Select(q => valid with
        {
            Query = string.Format(System.Globalization.CultureInfo.InvariantCulture, q.Query, valid.Operation.ApiVersion),
            Kind = MutationKind.Query,
            Mutation = $"query '{string.Format(System.Globalization.CultureInfo.InvariantCulture, q.Query, valid.Operation.ApiVersion)}'",
            MustRefuse = q.Refused == Refusal.Always || (q.Refused == Refusal.Lists && IsList(valid.Operation)),
        });

    private static Gen<FuzzCase> HeaderMutations(FuzzCase valid) =>
        Gen.Frequency(
            (1, Gen.OneOf(RequestIdHeaders)),
            (3, Gen.OneOf(HostileHeaders).Select(h => (h.Name, h.Value, Refused: false))))
        .Select(h => valid with
        {
            Headers = [.. valid.Headers.Where(v => !string.Equals(v.Name, h.Name, StringComparison.OrdinalIgnoreCase)), (h.Name, h.Value), .. h.Name == "x-ms-client-request-id" ? new[] { ("x-ms-return-client-request-id", "true") } : []],
            Kind = MutationKind.Header,
            Mutation = $"{h.Name}: {h.Value[..Math.Min(h.Value.Length, 40)]}",
            MustRefuse = h.Refused || (h.Name == "x-ms-arm-resource-system-data" && h.Value is "{not json" or "[]" && valid.Operation.HttpMethod is "PUT" or "PATCH"),
        });

    /// <summary>The list operations (the only ones that read $top and $skipToken).</summary>
    private static bool IsList(SpecOperation operation) =>
        operation.HttpMethod == "GET" && operation.PathTemplate.EndsWith("/openShiftClusters", StringComparison.OrdinalIgnoreCase);

    private static JToken Nested(int depth)
    {
        JToken value = new JArray();
        for (var i = 1; i < depth; i++)
        {
            value = new JArray(value);
        }

        return value;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
