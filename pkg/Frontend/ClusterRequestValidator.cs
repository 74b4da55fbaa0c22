using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database.Serialization;

namespace Rp.Frontend;

/// <summary>
/// What a PUT (or a PATCH merged onto the stored resource) makes of a cluster, validated before
/// anything is written. The PUT handler, its repeat and redeploy checks and the deployment preflight
/// all go through <see cref="Apply"/>, so that preflight can never accept what the PUT refuses, nor
/// the reverse.
/// </summary>
internal sealed class ClusterRequestValidator(DocumentSerializer serializer, ClusterPlacement placement)
{
    /// <summary>
    /// Validates <paramref name="body"/> in <paramref name="version"/> and applies it to
    /// <paramref name="target"/>: a create when <paramref name="current"/> is null, else an update of
    /// it (<paramref name="target"/> may be <paramref name="current"/> itself). A PUT also takes the
    /// casing of the URL's names. A create is checked against the names' rules and the supported
    /// locations (<see cref="ClusterPlacement"/>). Throws <see cref="CloudError"/> and leaves
    /// <paramref name="target"/> untouched when the request is invalid.
    /// </summary>
    public void Apply(IApiVersion version, ResourceId id, JObject body, OpenShiftCluster? current, OpenShiftCluster target, bool isPut)
    {
        if (current is null)
        {
            ResourceNames.Validate(id);
        }

        version.ClusterToInternal(body, current, target);
        if (current is null)
        {
            // Where a cluster may be created: the supported locations (a create's target is new, so
            // nothing is left half-applied when this refuses).
            placement.Validate(id, target.Location);
        }

        if (isPut)
        {
            // The casing of the most recent PUT is the one returned.
            target.Id = id.ToString();
            target.Name = id.Name;
        }
    }

    /// <summary>
    /// Whether a PUT of <paramref name="body"/> leads to exactly <paramref name="current"/>: the same
    /// resource as this version shows it, and the same secrets (compared here, never shown). False
    /// for an invalid body, which the PUT then refuses as usual.
    /// </summary>
    public bool LeadsTo(IApiVersion version, ResourceId id, JObject body, OpenShiftCluster current)
    {
        var proposed = Copy(current);
        try
        {
            Apply(version, id, body, proposed, proposed, isPut: true);
        }
        catch (CloudError)
        {
            return false;
        }

        return JToken.DeepEquals(version.ClusterToExternal(proposed), version.ClusterToExternal(current))
            && Equals(proposed.Properties.ClusterProfile.PullSecret, current.Properties.ClusterProfile.PullSecret)
            && Equals(proposed.Properties.ServicePrincipalProfile.ClientSecret, current.Properties.ServicePrincipalProfile.ClientSecret);
    }

    /// <summary>The cluster a create starts from: only what the URL says.</summary>
    public static OpenShiftCluster NewCluster(ResourceId id) => new() { Id = id.ToString(), Name = id.Name, Type = OpenShiftCluster.ResourceType };

    /// <summary>A deep copy, for validating against a stored cluster without touching it.</summary>
    public OpenShiftCluster Copy(OpenShiftCluster cluster) => serializer.Deserialize<OpenShiftCluster>(serializer.Serialize(cluster));
}
