using System.Diagnostics.CodeAnalysis;

namespace Rp.Api;

/// <summary>
/// The one parser of subscription ids, used by every route and validator: a GUID in the dashed
/// "D" form. Its canonical spelling (how the RP stores and compares it) is lower case, so that
/// one subscription has one spelling.
/// </summary>
public static class SubscriptionIds
{
    public const string Target = "subscriptionId";

    public static bool TryParse(string? value, [NotNullWhen(true)] out string? canonical)
    {
        canonical = DashedGuid.IsValid(value) ? value!.ToLowerInvariant() : null;
        return canonical is not null;
    }

    /// <summary>The canonical spelling of <paramref name="value"/>; a 400 <c>InvalidSubscriptionId</c> when it is not a subscription id.</summary>
    public static string Parse(string? value) =>
        TryParse(value, out var canonical)
            ? canonical
            : throw CloudError.BadRequest(
                CloudErrorCodes.InvalidSubscriptionId,
                $"The provided subscription identifier '{value}' is malformed or invalid: expected a GUID such as 00000000-0000-0000-0000-000000000000.",
                Target);
}
