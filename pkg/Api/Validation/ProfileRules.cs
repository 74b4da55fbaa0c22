using System.Text.RegularExpressions;

namespace Rp.Api.Validation;

/// <summary>Rules on the named profiles (worker, ingress) every api-version shares.</summary>
internal static partial class ProfileRules
{
    public const int MaxProfiles = 10;
    public const int MinWorkerCount = 3;
    public const int MaxWorkerCount = 50;
    public const int MinDiskSizeGB = 128;
    public const int MaxDiskSizeGB = 2048;
    public const int MasterCount = 3;

    /// <summary>
    /// The list holds between one (on create; an update may keep a stored empty list) and
    /// <see cref="MaxProfiles"/> profiles, none null, each with a DNS-label name unique within the list.
    /// </summary>
    public static void ValidateList<T>(IReadOnlyList<T?>? profiles, Func<T, string?> name, bool isCreate, string target)
        where T : class
    {
        if (profiles is null)
        {
            throw ValidationErrors.Required(target);
        }

        if ((isCreate && profiles.Count == 0) || profiles.Count > MaxProfiles)
        {
            throw ValidationErrors.Invalid(target, $"The property '{target}' must hold between 1 and {MaxProfiles} profiles.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i] ?? throw ValidationErrors.Required($"{target}[{i}]");
            var nameTarget = $"{target}[{i}].name";
            var value = name(profile) ?? throw ValidationErrors.Required(nameTarget);
            if (!DnsLabel().IsMatch(value))
            {
                throw ValidationErrors.Invalid(nameTarget, $"The provided profile name '{value}' is invalid: use 1 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
            }

            if (!names.Add(value))
            {
                throw ValidationErrors.Invalid(nameTarget, $"The profile name '{value}' is used more than once.");
            }
        }
    }

    public static void ValidateWorkerCount(int? count, string target)
    {
        if (count is not { } c)
        {
            throw ValidationErrors.Required(target);
        }

        if (c is < MinWorkerCount or > MaxWorkerCount)
        {
            throw ValidationErrors.Invalid(target, $"The provided worker count {c} is invalid: it must be between {MinWorkerCount} and {MaxWorkerCount}.");
        }
    }

    public static void ValidateDiskSize(int? diskSizeGB, string target)
    {
        if (diskSizeGB is not { } d)
        {
            throw ValidationErrors.Required(target);
        }

        if (d is < MinDiskSizeGB or > MaxDiskSizeGB)
        {
            throw ValidationErrors.Invalid(target, $"The provided disk size {d} GB is invalid: it must be between {MinDiskSizeGB} and {MaxDiskSizeGB} GB.");
        }
    }

    /// <summary>On update, the profiles' names must be the stored ones: profiles cannot be added, removed or renamed.</summary>
    public static void SameNames(IEnumerable<string?> proposed, IEnumerable<string?> current, string target)
    {
        var stored = current.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var given = proposed.ToList();
        if (given.Count != stored.Count || !given.All(stored.Contains))
        {
            throw ValidationErrors.ChangeNotAllowed(target);
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\z")]
    private static partial Regex DnsLabel();
}
