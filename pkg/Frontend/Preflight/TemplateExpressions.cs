using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Preflight;

/// <summary>ARM template language expressions: a string in brackets, <c>"[...]"</c>; <c>"[[..."</c> is an escaped literal.</summary>
internal static class TemplateExpressions
{
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Whether any string value in <paramref name="token"/> is still an unevaluated expression.</summary>
    public static bool ContainsExpression(JToken token) =>
        (token is JContainer container ? container.DescendantsAndSelf() : [token]).OfType<JValue>().Any(v => v.Type == JTokenType.String && IsExpression((string)v!));
}
