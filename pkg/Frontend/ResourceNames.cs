using System.Text.RegularExpressions;
using Rp.Api;

namespace Rp.Frontend;

/// <summary>The naming rules for resource groups and clusters (checked when a resource is created).</summary>
internal static partial class ResourceNames
{
    public static void Validate(ResourceId id)
    {
        if (id.ResourceGroup.Length > 90 || id.ResourceGroup.EndsWith('.') || !ResourceGroupPattern().IsMatch(id.ResourceGroup))
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"The resource group name '{id.ResourceGroup}' is invalid: 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending with '.'.", "resourceGroupName");
        }

        if (!ClusterNamePattern().IsMatch(id.Name))
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidResourceName, $"The resource name '{id.Name}' is invalid: 1-63 letters, digits, '-' or '_', starting and ending with a letter or digit.", "name");
        }
    }

    [GeneratedRegex(@"^[-\w._()]+\z")]
    private static partial Regex ResourceGroupPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9](?:[-_a-zA-Z0-9]{0,61}[a-zA-Z0-9])?\z")]
    private static partial Regex ClusterNamePattern();
}
