namespace Rp.Frontend;

/// <summary>A cluster's GET response in every api-version (UTF-8 JSON bodies by version name), and its etag.</summary>
internal sealed record RenderedCluster(string? ResourceETag, IReadOnlyDictionary<string, byte[]> Bodies);
