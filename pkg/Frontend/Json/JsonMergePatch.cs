using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Json;

/// <summary>RFC 7396 JSON merge patch.</summary>
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
            if (property.Value.Type == JTokenType.Null)
            {
                result.Remove(property.Name);
            }
            else
            {
                result[property.Name] = Apply(result[property.Name], property.Value);
            }
        }

        return result;
    }
}
