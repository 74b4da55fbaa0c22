using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Json;

namespace Rp.Frontend;

/// <summary>
/// The GET of a cluster as bytes, rendered once per version of the document for every api-version
/// and served from memory while the store confirms the document is unchanged.
/// </summary>
internal sealed class RenderedClusters(IOpenShiftClusters clusters, ApiVersions versions, IOptions<FrontendOptions> options) : IDisposable
{
    private readonly ValidatedCache<OpenShiftClusterDocument, RenderedCluster> cache = new(
        clusters.GetIfChangedAsync,
        document => new RenderedCluster(
            document.ResourceETag,
            versions.ToDictionary(v => v.Key, v => ArmJson.ToUtf8(ClusterRepresentation.Render(v.Value, document)), StringComparer.OrdinalIgnoreCase)),
        options.Value.CachedDocuments);

    /// <summary>The cluster with this key as it is now; null when it does not exist.</summary>
    public Task<RenderedCluster?> GetAsync(string key, CancellationToken cancellationToken) => cache.GetAsync(key, cancellationToken);

    public void Dispose() => cache.Dispose();
}
