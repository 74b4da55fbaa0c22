using System.Globalization;

namespace Rp.Bench.Driver;

/// <summary>A subcommand's <c>--name value</c> options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public static Arguments Parse(IEnumerable<string> args)
    {
        var parsed = new Arguments();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                if (!parsed.values.ContainsKey(name))
                {
                    parsed.values[name] = [];
                }
            }
            else if (name is not null)
            {
                parsed.values[name].Add(arg);
                name = null;
            }
            else
            {
                throw new ArgumentException($"'{arg}' is not preceded by an --option.");
            }
        }

        return parsed;
    }

    public string Required(string name) =>
        values.TryGetValue(name, out var list) && list.Count > 0 ? list[^1] : throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => values.TryGetValue(name, out var list) && list.Count > 0 ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    public int Int(string name, int defaultValue) =>
        Optional(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : defaultValue;

    public long Long(string name) => long.Parse(Required(name), CultureInfo.InvariantCulture);
}
