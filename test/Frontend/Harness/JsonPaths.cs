using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>Sets or removes the value at a JSON path such as <c>properties.workerProfiles[0].count</c>, creating objects on the way.</summary>
public static partial class JsonPaths
{
    public static JObject With(this JObject root, string path, JToken? value)
    {
        var segments = path.Split('.');
        JToken current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Segment().Match(segments[i]);
            var name = match.Groups["name"].Value;
            var last = i == segments.Length - 1;
            var obj = (JObject)current;
            if (!match.Groups["index"].Success)
            {
                if (last)
                {
                    if (value is null)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        obj[name] = value;
                    }

                    return root;
                }

                current = obj[name] ??= new JObject();
                continue;
            }

            var array = (JArray)obj[name]!;
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            if (last)
            {
                array[index] = value ?? JValue.CreateNull();
                return root;
            }

            current = array[index];
        }

        return root;
    }

    [GeneratedRegex(@"^(?<name>[^\[]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();
}
