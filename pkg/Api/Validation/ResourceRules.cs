namespace Rp.Api.Validation;

/// <summary>
/// Rules on the ARM envelope. Id, name and type come from the URL: a body may repeat them but not
/// contradict them. Location is required, a region (see <see cref="Locations"/>), and cannot change; systemData is ARM's and read-only.
/// </summary>
internal static class ResourceRules
{
    public static void Validate(IExternalResource proposed, IExternalResource? current, OpenShiftCluster target)
    {
        var isCreate = current is null;
        MatchesUrl(proposed.Id, target.Id, "id", isCreate);
        MatchesUrl(proposed.Name, target.Name, "name", isCreate);
        MatchesUrl(proposed.Type, target.Type, "type", isCreate);

        if (string.IsNullOrWhiteSpace(proposed.Location))
        {
            throw ValidationErrors.Required("location");
        }

        var location = Locations.Parse(proposed.Location);
        if (current is not null && location != Locations.Normalize(current.Location))
        {
            throw ValidationErrors.ChangeNotAllowed("location");
        }

        TagRules.Validate(proposed.Tags);

        if (proposed.SystemData is not null && proposed.SystemData != current?.SystemData)
        {
            throw isCreate ? ValidationErrors.ReadOnly("systemData") : ValidationErrors.ChangeNotAllowed("systemData");
        }
    }

    private static void MatchesUrl(string? proposed, string expected, string target, bool isCreate)
    {
        if (proposed is not null && !string.Equals(proposed, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw isCreate
                ? ValidationErrors.Invalid(target, $"The provided {target} '{proposed}' does not match the {target} in the URL, '{expected}'.")
                : ValidationErrors.ChangeNotAllowed(target);
        }
    }
}
