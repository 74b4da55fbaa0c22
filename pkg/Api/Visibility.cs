namespace Rp.Api;

/// <summary>Whether an endpoint of the cluster (API server, ingress) is reachable from the internet.</summary>
public static class Visibility
{
    public const string Public = nameof(Public);
    public const string Private = nameof(Private);

    /// <summary>The canonical spelling of a visibility matched case-insensitively, or null if it is not one.</summary>
    public static string? Canonical(string? value) =>
        string.Equals(value, Public, StringComparison.OrdinalIgnoreCase) ? Public
        : string.Equals(value, Private, StringComparison.OrdinalIgnoreCase) ? Private
        : null;
}
