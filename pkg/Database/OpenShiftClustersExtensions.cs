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
        TryLeaseAsync(clusters, null, ct => clusters.GetAsync(key, ct), owner, time, duration, mayTakeOver, whileLeasing, cancellationToken);

    /// <summary>
    /// <see cref="TryLeaseAsync(IOpenShiftClusters, string, string, TimeProvider, TimeSpan, Func{string, bool}?, Action{OpenShiftClusterDocument}?, CancellationToken)"/>
    /// of the very document the caller has just read, starting from that copy: the first attempt
    /// writes with its ETag and needs no read of its own; only if the document changed since is it
    /// read again, by its id. Null once that document is gone, even if the resource was created
    /// again under the same name: the new document is another resource's, with its own flag for
    /// the forwarder and its own message, and a worker that took its lease for a message of the
    /// old one would leave it with neither once that message found its own document gone.
    /// </summary>
    public static Task<OpenShiftClusterDocument?> TryLeaseAsync(this IOpenShiftClusters clusters, OpenShiftClusterDocument read, string owner, TimeProvider time, TimeSpan duration, Func<string, bool>? mayTakeOver = null, Action<OpenShiftClusterDocument>? whileLeasing = null, CancellationToken cancellationToken = default)
    {
        var (partitionKey, id) = (read.PartitionKey, read.Id);
        return TryLeaseAsync(clusters, read, ct => clusters.GetByIdAsync(partitionKey, id, ct), owner, time, duration, mayTakeOver, whileLeasing, cancellationToken);
    }

    /// <summary>
    /// The lease-fenced write: applies <paramref name="mutate"/> only while <paramref name="owner"/>
    /// still holds an unexpired lease, else throws <see cref="LeaseLostException"/>.
    /// </summary>
    public static Task<OpenShiftClusterDocument> PatchWithLeaseAsync(this IOpenShiftClusters clusters, string key, string owner, DateTimeOffset now, Action<OpenShiftClusterDocument> mutate, CancellationToken cancellationToken = default) =>
        PatchWithLeaseAsync(clusters, key, null, owner, now, mutate, cancellationToken);

    /// <summary>
    /// The lease-fenced write starting from the worker's own copy of the document, the one its last
    /// write returned: the lease is checked on that copy and the change written with its ETag, so
    /// that nothing is read while nobody else wrote. The write can only succeed if the stored
    /// document is that copy, which makes the check exactly the one a fresh read would allow; if
    /// anyone wrote in between (a heartbeat, a request, another owner), it loses, and the document
    /// is read again and checked as <see cref="PatchWithLeaseAsync(IOpenShiftClusters, string, string, DateTimeOffset, Action{OpenShiftClusterDocument}, CancellationToken)"/>
    /// does. <paramref name="current"/> is changed by the attempt: use the document returned.
    /// </summary>
    public static Task<OpenShiftClusterDocument> PatchWithLeaseAsync(this IOpenShiftClusters clusters, OpenShiftClusterDocument current, string owner, DateTimeOffset now, Action<OpenShiftClusterDocument> mutate, CancellationToken cancellationToken = default) =>
        PatchWithLeaseAsync(clusters, current.Key, current, owner, now, mutate, cancellationToken);

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

    private static Task<OpenShiftClusterDocument?> TryLeaseAsync(IOpenShiftClusters clusters, OpenShiftClusterDocument? read, Func<CancellationToken, Task<OpenShiftClusterDocument?>> readAgain, string owner, TimeProvider time, TimeSpan duration, Func<string, bool>? mayTakeOver, Action<OpenShiftClusterDocument>? whileLeasing, CancellationToken cancellationToken) =>
        Retry.OnPreconditionFailedAsync<OpenShiftClusterDocument?>(
            async ct =>
            {
                var doc = Interlocked.Exchange(ref read, null) ?? await readAgain(ct).ConfigureAwait(false);
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

    private static Task<OpenShiftClusterDocument> PatchWithLeaseAsync(IOpenShiftClusters clusters, string key, OpenShiftClusterDocument? current, string owner, DateTimeOffset now, Action<OpenShiftClusterDocument> mutate, CancellationToken cancellationToken) =>
        Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var doc = Interlocked.Exchange(ref current, null) ?? await clusters.GetAsync(key, ct).ConfigureAwait(false);
                EnsureLeased(doc, key, owner, now);
                mutate(doc!);
                return await clusters.ReplaceAsync(doc!, ct).ConfigureAwait(false);
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
