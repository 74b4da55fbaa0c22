namespace Rp.Api.Validation;

/// <summary>What an update may not change; <c>current</c> is the version's view of the stored resource, null on create.</summary>
internal static class ChangeRules
{
    /// <summary>A value that cannot change after create (compared case-insensitively, as ARM compares names).</summary>
    public static void Immutable(string? proposed, string? current, string target)
    {
        if (!string.Equals(proposed, current, StringComparison.OrdinalIgnoreCase))
        {
            throw ValidationErrors.ChangeNotAllowed(target);
        }
    }

    public static void Immutable(int? proposed, int? current, string target)
    {
        if (proposed != current)
        {
            throw ValidationErrors.ChangeNotAllowed(target);
        }
    }

    /// <summary>A value only the service sets: absent on create, and on update absent or the stored value.</summary>
    public static void ReadOnly(string? proposed, string? current, bool isCreate, string target)
    {
        if (isCreate)
        {
            if (proposed is not null)
            {
                throw ValidationErrors.ReadOnly(target);
            }
        }
        else
        {
            Immutable(proposed, current, target);
        }
    }
}
