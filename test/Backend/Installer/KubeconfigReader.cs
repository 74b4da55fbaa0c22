using System.Globalization;
using System.Text.Json;

namespace Rp.Backend.Tests.Installer;

/// <summary>
/// Reads the block-style YAML subset a kubeconfig uses (nested mappings, sequences of mappings,
/// plain and double-quoted scalars) into flat paths such as <c>clusters[0].cluster.server</c>.
/// A plain scalar YAML would type as a boolean, null or number is rejected, as kubectl would.
/// </summary>
internal static class KubeconfigReader
{
    private static readonly HashSet<string> NonStrings = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "",
    };

    public static IReadOnlyDictionary<string, string> Read(string yaml)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var contexts = new Stack<(int Indent, string Path)>();
        contexts.Push((0, ""));
        var openKeys = new Dictionary<int, string>();
        var itemCounts = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var line in yaml.Split('\n').Where(line => line.Trim().Length > 0))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line[indent..];
            while (contexts.Peek().Indent > indent)
            {
                contexts.Pop();
            }

            if (content.StartsWith("- ", StringComparison.Ordinal))
            {
                var sequence = openKeys.TryGetValue(indent, out var key) ? key : throw new FormatException($"Sequence item without a key: '{line}'.");
                var index = itemCounts.GetValueOrDefault(sequence);
                itemCounts[sequence] = index + 1;
                indent += 2;
                content = content[2..];
                contexts.Push((indent, string.Create(CultureInfo.InvariantCulture, $"{sequence}[{index}]")));
            }

            if (contexts.Peek().Indent != indent)
            {
                throw new FormatException($"Unexpected indentation: '{line}'.");
            }

            var colon = content.IndexOf(": ", StringComparison.Ordinal);
            var name = colon >= 0 ? content[..colon] : content.EndsWith(':') ? content[..^1] : throw new FormatException($"Not a key: '{line}'.");
            var path = contexts.Peek().Path.Length == 0 ? name : $"{contexts.Peek().Path}.{name}";
            if (colon < 0)
            {
                openKeys[indent] = path;
                contexts.Push((indent + 2, path));
            }
            else
            {
                values[path] = Scalar(content[(colon + 2)..]);
            }
        }

        return values;
    }

    private static string Scalar(string text)
    {
        if (text.StartsWith('"'))
        {
            return JsonSerializer.Deserialize<string>(text) ?? throw new FormatException($"Bad quoted scalar {text}.");
        }

        if (NonStrings.Contains(text) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text.EndsWith(':') || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal))
        {
            throw new FormatException($"The plain scalar '{text}' is not read as this string.");
        }

        return text;
    }
}
