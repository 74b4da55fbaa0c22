using System.Text.RegularExpressions;

namespace Rp.Api.Validation;

/// <summary>The ARM resource ids a cluster refers to.</summary>
internal static partial class AzureResourceIds
{
    /// <summary>Throws unless <paramref name="value"/> is a subnet id; returns the id of its virtual network.</summary>
    public static string ValidateSubnetId(string value, string target)
    {
        var match = SubnetId().Match(value);
        if (!match.Success || !SubscriptionIds.TryParse(match.Groups["subscription"].Value, out _))
        {
            throw ValidationErrors.Invalid(target, $"The provided subnet id '{value}' is invalid: expected /subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroup}}/providers/Microsoft.Network/virtualNetworks/{{vnet}}/subnets/{{subnet}}.");
        }

        return match.Groups["vnet"].Value;
    }

    /// <summary>Throws unless <paramref name="value"/> is a resource group id; returns its subscription and name.</summary>
    public static (string SubscriptionId, string ResourceGroup) ValidateResourceGroupId(string value, string target)
    {
        var match = ResourceGroupId().Match(value);
        if (!match.Success || !SubscriptionIds.TryParse(match.Groups["subscription"].Value, out _))
        {
            throw ValidationErrors.Invalid(target, $"The provided resource group id '{value}' is invalid: expected /subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroup}}.");
        }

        return (match.Groups["subscription"].Value, match.Groups["group"].Value);
    }

    [GeneratedRegex(@"^(?<vnet>/subscriptions/(?<subscription>[^/]+)/resourceGroups/[-\w._()]{0,89}[-\w_()]/providers/Microsoft\.Network/virtualNetworks/[-\w.]{1,64})/subnets/[-\w.]{1,80}\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubnetId();

    [GeneratedRegex(@"^/subscriptions/(?<subscription>[^/]+)/resourceGroups/(?<group>[-\w._()]{0,89}[-\w_()])\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourceGroupId();
}
