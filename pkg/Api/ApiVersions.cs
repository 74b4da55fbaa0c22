using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Rp.Api;

/// <summary>Every registered <see cref="IApiVersion"/>, by name (case-insensitive), enumerated in name order.</summary>
public sealed class ApiVersions : IReadOnlyDictionary<string, IApiVersion>
{
    private readonly Dictionary<string, IApiVersion> byName;
    private readonly KeyValuePair<string, IApiVersion>[] ordered;

    public ApiVersions(IEnumerable<IApiVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        byName = new Dictionary<string, IApiVersion>(StringComparer.OrdinalIgnoreCase);
        foreach (var version in versions)
        {
            if (!byName.TryAdd(version.Name, version))
            {
                throw new ArgumentException($"The api-version '{version.Name}' is registered twice.", nameof(versions));
            }
        }

        ordered = [.. byName.OrderBy(v => v.Key, StringComparer.Ordinal)];
        Names = [.. ordered.Select(v => v.Key)];
    }

    /// <summary>The names in order, e.g. for the message of <c>InvalidApiVersionParameter</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => ordered.Length;

    public IEnumerable<string> Keys => Names;

    public IEnumerable<IApiVersion> Values => ordered.Select(v => v.Value);

    public IApiVersion this[string key] => byName[key];

    public bool ContainsKey(string key) => byName.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IApiVersion value) => byName.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IApiVersion>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, IApiVersion>>)ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
