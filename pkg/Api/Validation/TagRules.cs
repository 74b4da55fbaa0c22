namespace Rp.Api.Validation;

/// <summary>ARM's limits on resource tags.</summary>
internal static class TagRules
{
    public const string Target = "tags";
    public const int MaxCount = 50;
    public const int MaxKeyLength = 512;
    public const int MaxValueLength = 256;

    private static readonly char[] ForbiddenKeyCharacters = ['<', '>', '%', '&', '\\', '?', '/'];

    public static void Validate(IReadOnlyDictionary<string, string?>? tags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxCount)
        {
            throw ValidationErrors.Invalid(Target, $"A resource may have at most {MaxCount} tags; {tags.Count} were provided.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in tags)
        {
            if (key.Length == 0)
            {
                throw ValidationErrors.Invalid(Target, "A tag name must not be empty.");
            }

            if (key.Length > MaxKeyLength)
            {
                throw ValidationErrors.Invalid(Target, $"The tag name '{key[..32]}...' is longer than {MaxKeyLength} characters.");
            }

            if (key.IndexOfAny(ForbiddenKeyCharacters) >= 0 || key.Any(char.IsControl))
            {
                throw ValidationErrors.Invalid(Target, $"The tag name '{Printable(key)}' contains a character that is not allowed (< > % & \\ ? / or a control character).");
            }

            if (!seen.Add(key))
            {
                throw ValidationErrors.Invalid(Target, $"The tag name '{key}' is given more than once (tag names are case-insensitive).");
            }

            if (value is null)
            {
                throw ValidationErrors.Invalid(Target, $"The value of the tag '{key}' must be a string.");
            }

            if (value.Length > MaxValueLength)
            {
                throw ValidationErrors.Invalid(Target, $"The value of the tag '{key}' is longer than {MaxValueLength} characters.");
            }
        }
    }

    private static string Printable(string key) => new([.. key.Select(c => char.IsControl(c) ? '?' : c)]);
}
