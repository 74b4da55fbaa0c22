namespace Rp.Api;

/// <summary>
/// Azure region names. ARM sends a region by its name, lowercase letters and digits
/// (<c>eastus</c>); a body may also hold its display name (<c>East US</c>), which ARM reads as the
/// same region. Anything else (other characters, other scripts, path segments) is not a region,
/// and never reaches a URL or a header.
/// </summary>
public static class Locations
{
    public const string Target = "location";

    /// <summary>The longest region name accepted: Azure's longest are about 20 characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The region name of <paramref name="location"/>, or null when it is not a region's name or display name.</summary>
    public static string? Normalize(string? location)
    {
        if (location is null || location.Length > MaxLength || !location.All(c => char.IsAsciiLetterOrDigit(c) || c == ' '))
        {
            return null;
        }

        var name = location.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return name.Length == 0 ? null : name;
    }

    /// <summary>Whether <paramref name="value"/> is a region name exactly as ARM sends it in a URL.</summary>
    public static bool IsName(string? value) => value is not null && Normalize(value) == value;

    /// <summary>The region name of <paramref name="location"/>; a 400 <c>InvalidParameter</c> when it is none.</summary>
    public static string Parse(string? location, string target = Target) =>
        Normalize(location)
        ?? throw CloudError.InvalidParameter(
            target,
            $"The provided location '{location}' is not a valid Azure region name: expected lowercase letters and digits, such as 'eastus'.");
}
