using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>A cluster document as an api-version shows it, with the resource's etag.</summary>
internal static class ClusterRepresentation
{
    public static JObject Render(IApiVersion version, OpenShiftClusterDocument document)
    {
        var external = version.ClusterToExternal(document.OpenShiftCluster);
        if (document.ResourceETag is not null)
        {
            external["etag"] = document.ResourceETag;
        }

        return external;
    }
}
