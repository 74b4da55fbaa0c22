using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>
/// The <c>OpenShiftClusters</c> container. Partition key: the lower-cased subscription id;
/// <c>key</c> (the lower-cased resource id) is unique. Every write but Create is conditional on
/// the document's ETag and throws <see cref="PreconditionFailedException"/> when it is stale.
/// </summary>
public interface IOpenShiftClusters
{
    /// <summary>The document with this key (lower-cased resource id), or null.</summary>
    Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The document with this key, unless it is still the version <paramref name="known"/>
    /// describes: then <see cref="ConditionalRead{T}.NotModified"/>, and nothing is decoded. Correct
    /// whoever wrote in between, this process or another.
    /// </summary>
    Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default);

    Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default);

    /// <summary>Creates the document; <see cref="ConflictException"/> if its id or key exists.</summary>
    Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document if its ETag still matches; returns it with the new ETag.</summary>
    Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document if its ETag still matches.</summary>
    Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the documents of a partition whose key starts with <paramref name="keyPrefix"/>,
    /// in key order. <paramref name="continuation"/> is the previous page's, null for the first.
    /// </summary>
    Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the documents of a partition whose <c>unqueued</c> flag is set, in key order;
    /// <paramref name="continuation"/> is the previous page's, null for the first.
    /// </summary>
    Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default);

    /// <summary>
    /// The documents written since <paramref name="continuation"/> (null: from the beginning), the
    /// latest version of each, in write order, and the continuation to resume from. With
    /// <paramref name="unqueuedOnly"/>, only those whose <c>unqueued</c> flag is set (the
    /// continuation still moves past the others), which a store may filter before reading them.
    /// </summary>
    Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default);
}
