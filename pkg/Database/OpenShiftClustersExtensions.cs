using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>Read-modify-write operations on cluster documents, shared by every implementation of <see cref="IOpenShiftClusters"/>.</summary>
public static class OpenShiftClustersExtensions
{
    /// <summary>
    /// Reads the document, lets <paramref name="mutate"/> change it (returning false for "nothing to
    /// write") and replaces it, again while the write loses. Null if the document does not exist.
    /// </summary>
    public static Task<OpenShiftClusterDocument?> PatchAsync(this IOpenShiftClusters clusters, string key, Func<OpenShiftClusterDocument, bool> mutate, CancellationToken cancellationToken = default) =>
        Retry.OnPreconditionFailedAsync<OpenShiftClusterDocument?>(
            async ct =>
            {
                var doc = await clusters.GetAsync(key, ct).ConfigureAwait(false);
                if (doc is null || !mutate(doc))
                {
                    return doc;
                }

                return await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Takes (or renews) the document's lease for <paramref name="owner"/>. Null when the document
    /// is gone or another owner holds an unexpired lease, unless <paramref name="mayTakeOver"/>
    /// says that holder has lost it. <paramref name="whileLeasing"/> may change the document in
    /// the same write. The clock is read after the read of the document, so that however long that
    /// read waited, the lease written runs for the whole <paramref name="duration"/>.
    /// </summary>
    public static Task<OpenShiftClusterDocument?> TryLeaseAsync(this IOpenShiftClusters clusters, string key, string owner, TimeProvider time, TimeSpan duration, Func<string, bool>? mayTakeOver = null, Action<OpenShiftClusterDocument>? whileLeasing = null, CancellationToken cancellationToken = default) =>
        Retry.OnPreconditionFailedAsync<OpenShiftClusterDocument?>(
            async ct =>
            {
                var doc = await clusters.GetAsync(key, ct).ConfigureAwait(false);
                var now = time.GetUtcNow();
                if (doc is null
                    || (doc.LeaseOwner is not null && doc.LeaseOwner != owner && doc.LeaseExpires > now && mayTakeOver?.Invoke(doc.LeaseOwner) != true))
                {
                    return null;
                }

                doc.LeaseOwner = owner;
                doc.LeaseExpires = now + duration;
                whileLeasing?.Invoke(doc);
                return await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// The lease-fenced write: applies <paramref name="mutate"/> only while <paramref name="owner"/>
    /// still holds an unexpired lease, else throws <see cref="LeaseLostException"/>.
    /// </summary>
    public static Task<OpenShiftClusterDocument> PatchWithLeaseAsync(this IOpenShiftClusters clusters, string key, string owner, DateTimeOffset now, Action<OpenShiftClusterDocument> mutate, CancellationToken cancellationToken = default) =>
        Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var doc = await clusters.GetAsync(key, ct).ConfigureAwait(false);
                EnsureLeased(doc, key, owner, now);
                mutate(doc!);
                return await clusters.ReplaceAsync(doc!, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Deletes the document while <paramref name="owner"/> still holds its lease; <paramref name="check"/> may refuse by throwing.</summary>
    public static Task<bool> DeleteWithLeaseAsync(this IOpenShiftClusters clusters, string key, string owner, DateTimeOffset now, Action<OpenShiftClusterDocument> check, CancellationToken cancellationToken = default) =>
        Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var doc = await clusters.GetAsync(key, ct).ConfigureAwait(false);
                EnsureLeased(doc, key, owner, now);
                check(doc!);
                await clusters.DeleteAsync(doc!, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private static void EnsureLeased(OpenShiftClusterDocument? doc, string key, string owner, DateTimeOffset now)
    {
        if (doc is null)
        {
            throw new LeaseLostException($"document {key} no longer exists");
        }

        if (doc.LeaseOwner != owner || doc.LeaseExpires is null || doc.LeaseExpires <= now)
        {
            throw new LeaseLostException($"lease on {key} is no longer held by {owner}");
        }
    }
}
