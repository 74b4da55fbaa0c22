namespace Rp.Api;

/// <summary>
/// Applies a list of named profiles from a body onto the stored list: a profile keeps its stored
/// object (and so the fields the api-version does not show and its unknown fields) when the body
/// names it, takes a new one otherwise, and the body's order wins. Names are unique (validated).
/// </summary>
internal static class NamedProfiles
{
    public static List<TInternal> Apply<TInternal, TExternal>(
        IReadOnlyList<TInternal> stored,
        IEnumerable<TExternal> proposed,
        Func<TInternal, string?> storedName,
        Func<TExternal, string?> proposedName,
        Action<TExternal, TInternal> apply)
        where TInternal : new()
    {
        var result = new List<TInternal>();
        foreach (var external in proposed)
        {
            var name = proposedName(external);
            var profile = stored.FirstOrDefault(p => string.Equals(storedName(p), name, StringComparison.OrdinalIgnoreCase)) ?? new TInternal();
            apply(external, profile);
            result.Add(profile);
        }

        return result;
    }
}
