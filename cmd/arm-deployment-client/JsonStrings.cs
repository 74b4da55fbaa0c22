using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>The string values anywhere in a JSON value: where template expressions can be.</summary>
internal static class JsonStrings
{
    public static List<JValue> In(JToken token) =>
        [.. (token is JContainer container ? container.DescendantsAndSelf() : [token]).OfType<JValue>().Where(v => v.Type == JTokenType.String)];
}
