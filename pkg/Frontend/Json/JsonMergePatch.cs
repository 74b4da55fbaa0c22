using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Json;

/// <summary>
/// RFC 7396 JSON merge patch, with property names matched ignoring case as ARM matches them: a
/// patch's <c>Tags</c> is the target's <c>tags</c>, and the merged document keeps the target's spelling.
/// </summary>
internal static class JsonMergePatch
{
    public static JToken Apply(JToken? target, JToken patch)
    {
        if (patch is not JObject patchObject)
        {
            return patch.DeepClone();
        }

        var result = target as JObject is { } t ? (JObject)t.DeepClone() : new JObject();
        foreach (var property in patchObject.Properties())
        {
            var existing = result.Property(property.Name, StringComparison.OrdinalIgnoreCase);
            if (property.Value.Type == JTokenType.Null)
            {
                existing?.Remove();
            }
            else if (existing is null)
            {
                result[property.Name] = Apply(null, property.Value);
            }
            else
            {
                existing.Value = Apply(existing.Value, property.Value);
            }
        }

        return result;
    }
}
