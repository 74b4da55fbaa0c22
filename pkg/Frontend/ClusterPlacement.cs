using Microsoft.Extensions.Options;
using Rp.Api;

namespace Rp.Frontend;

/// <summary>
/// Where a new cluster may go: its resource group and name follow ARM's rules, and its location is
/// a region this RP serves (<see cref="FrontendOptions.SupportedLocations"/>). Checked before
/// anything is written, by every path that creates a cluster; needs nothing of the request but
/// these values.
/// </summary>
internal sealed class ClusterPlacement(IOptions<FrontendOptions> options)
{
    private readonly HashSet<string> locations = new(options.Value.SupportedLocationNames(), StringComparer.Ordinal);

    /// <summary>Throws a 400 CloudError unless a cluster may be created as <paramref name="id"/> in <paramref name="location"/>.</summary>
    public void Validate(ResourceId id, string location)
    {
        ResourceNames.Validate(id);
        var name = Locations.Parse(location);
        if (!locations.Contains(name))
        {
            throw CloudError.BadRequest(
                CloudErrorCodes.LocationNotAvailableForResourceType,
                $"The provided location '{name}' is not available for resource type '{OpenShiftCluster.ResourceType}'. List of available regions for the resource type is '{string.Join(", ", locations.Order(StringComparer.Ordinal))}'.",
                Locations.Target);
        }
    }
}
