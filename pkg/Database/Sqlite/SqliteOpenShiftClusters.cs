using System.Globalization;
using Microsoft.Data.Sqlite;
using Rp.Database.Documents;
using Rp.Env;

namespace Rp.Database.Sqlite;

/// <summary>The <c>OpenShiftClusters</c> container in the embedded database. Every write wakes the process's forwarder (<see cref="PollSignals.ClusterWrites"/>).</summary>
internal sealed class SqliteOpenShiftClusters(SqliteDocumentStore store, PollSignals signals) : IOpenShiftClusters
{
    private const string GetByKeySql = "SELECT etag, body FROM OpenShiftClusters WHERE key = @key";

    private const string GetByKeyIfChangedSql = "SELECT etag, CASE WHEN etag = @knownETag THEN NULL ELSE body END FROM OpenShiftClusters WHERE key = @key";

    private const string GetByIdSql = "SELECT etag, body FROM OpenShiftClusters WHERE partitionKey = @partitionKey AND id = @id";

    private const string NextSequenceSql = "UPDATE Sequences SET value = value + 1 WHERE name = 'OpenShiftClusters'";

    private const string InsertSql = """
        INSERT INTO OpenShiftClusters (partitionKey, id, key, unqueued, sequence, etag, body)
        VALUES (@partitionKey, @id, @key, @unqueued, (SELECT value FROM Sequences WHERE name = 'OpenShiftClusters'), @newEtag, @body)
        """;

    private const string ReplaceSql = """
        UPDATE OpenShiftClusters
        SET key = @key, unqueued = @unqueued, sequence = (SELECT value FROM Sequences WHERE name = 'OpenShiftClusters'), etag = @newEtag, body = @body
        WHERE partitionKey = @partitionKey AND id = @id AND etag = @etag
        """;

    private const string DeleteSql = "DELETE FROM OpenShiftClusters WHERE partitionKey = @partitionKey AND id = @id AND etag = @etag";

    // Keyset pagination: each page starts where the last one ended (key > @after) and stops at the
    // first key past the prefix (key < @upper), both as bounds on the (partitionKey, key) index,
    // so a page costs the same however many keys come before or after it.
    private const string ListFirstPageSql = """
        SELECT etag, body, key FROM OpenShiftClusters
        WHERE partitionKey = @partitionKey AND key >= @prefix AND key < @upper AND substr(key, 1, length(@prefix)) = @prefix
        ORDER BY key
        LIMIT @limit
        """;

    private const string ListNextPageSql = """
        SELECT etag, body, key FROM OpenShiftClusters
        WHERE partitionKey = @partitionKey AND key > @after AND key < @upper AND substr(key, 1, length(@prefix)) = @prefix
        ORDER BY key
        LIMIT @limit
        """;

    private const string ListUnqueuedSql = """
        SELECT etag, body, key FROM OpenShiftClusters
        WHERE partitionKey = @partitionKey AND unqueued = 1 AND key > @after
        ORDER BY key
        LIMIT @limit
        """;

    private const string ChangeFeedSql = "SELECT etag, body, sequence FROM OpenShiftClusters WHERE sequence > @after ORDER BY sequence LIMIT @limit";

    // The unqueued changes, and the newest row whatever its flag: one statement is one snapshot,
    // so when the page is not full, every change up to that row has been seen and the
    // continuation moves to it (a separate MAX query could see a write this one did not).
    private const string UnqueuedChangesSql = """
        SELECT etag, body, sequence, unqueued FROM OpenShiftClusters
        WHERE sequence > @after AND (unqueued = 1 OR sequence = (SELECT MAX(sequence) FROM OpenShiftClusters))
        ORDER BY sequence
        LIMIT @limit
        """;

    public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<OpenShiftClusterDocument>(GetByKeySql, p => p.AddWithValue("@key", key), cancellationToken);

    public Task<ConditionalRead<OpenShiftClusterDocument>> GetIfChangedAsync(string key, DocumentVersion? known, CancellationToken cancellationToken = default) =>
        store.ReadIfChangedAsync<OpenShiftClusterDocument>(GetByKeyIfChangedSql, p => p.AddWithValue("@key", key), known, cancellationToken);

    public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<OpenShiftClusterDocument>(
            GetByIdSql,
            p =>
            {
                p.AddWithValue("@partitionKey", partitionKey);
                p.AddWithValue("@id", id);
            },
            cancellationToken);

    public async Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Key);
        var created = await store.InsertAsync(document, InsertSql, p => BindColumns(p, document), NextSequenceAsync, cancellationToken).ConfigureAwait(false);
        signals.ClusterWrites.Notify();
        return created;
    }

    public async Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Key);
        var replaced = await store.ReplaceAsync(document, ReplaceSql, p => BindColumns(p, document), NextSequenceAsync, cancellationToken).ConfigureAwait(false);
        signals.ClusterWrites.Notify();
        return replaced;
    }

    public async Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        await store.DeleteAsync(document, DeleteSql, cancellationToken).ConfigureAwait(false);
        signals.ClusterWrites.Notify();
    }

    public async Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return await PageAsync(
            continuation is null ? ListFirstPageSql : ListNextPageSql,
            p =>
            {
                p.AddWithValue("@partitionKey", partitionKey);
                p.AddWithValue("@prefix", keyPrefix);
                p.AddWithValue("@upper", UpperBound(keyPrefix));
                p.AddWithValue("@after", (object?)continuation ?? DBNull.Value);
            },
            maxItems,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentPage<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        return await PageAsync(
            ListUnqueuedSql,
            p =>
            {
                p.AddWithValue("@partitionKey", partitionKey);
                p.AddWithValue("@after", continuation ?? "");
            },
            maxItems,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, bool unqueuedOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        var after = ParseContinuation(continuation);
        var rows = await store.ReadManyAsync(
            unqueuedOnly ? UnqueuedChangesSql : ChangeFeedSql,
            p =>
            {
                p.AddWithValue("@after", after);
                p.AddWithValue("@limit", maxItems);
            },
            r => (Etag: r.GetString(0), Body: r.GetString(1), Sequence: r.GetInt64(2), Wanted: !unqueuedOnly || r.GetInt64(3) == 1),
            cancellationToken).ConfigureAwait(false);

        var last = rows.Count > 0 ? rows[^1].Sequence : after;
        return new ChangeFeedPage<OpenShiftClusterDocument>(
            [.. rows.Where(r => r.Wanted).Select(r => store.Decode<OpenShiftClusterDocument>(r.Body, r.Etag))],
            last.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The least string above every key that starts with <paramref name="prefix"/>. Prefixes end
    /// with an ASCII character (a resource id's "/"), which is then simply the next one; for
    /// anything else, the highest code point bounds what can follow.
    /// </summary>
    private static string UpperBound(string prefix) =>
        prefix.Length > 0 && prefix[^1] < 0x7F ? prefix[..^1] + (char)(prefix[^1] + 1) : prefix + char.ConvertFromUtf32(0x10FFFF);

    /// <summary>
    /// One page of <paramref name="sql"/> (columns etag, body, key; parameter @limit): one row more
    /// than the page tells whether another follows, so a full last page ends the listing instead
    /// of leading to an empty one. The continuation is the page's last key.
    /// </summary>
    private async Task<DocumentPage<OpenShiftClusterDocument>> PageAsync(string sql, Action<SqliteParameterCollection> bind, int maxItems, CancellationToken cancellationToken)
    {
        var rows = await store.ReadManyAsync(
            sql,
            p =>
            {
                bind(p);
                p.AddWithValue("@limit", maxItems + 1);
            },
            r => (Etag: r.GetString(0), Body: r.GetString(1), Key: r.GetString(2)),
            cancellationToken).ConfigureAwait(false);

        var page = rows.Take(maxItems).ToList();
        var next = rows.Count > maxItems ? page[^1].Key : null;
        return new DocumentPage<OpenShiftClusterDocument>(page.ConvertAll(r => store.Decode<OpenShiftClusterDocument>(r.Body, r.Etag)), next);
    }

    private static long ParseContinuation(string? continuation)
    {
        if (continuation is null)
        {
            return 0;
        }

        return long.TryParse(continuation, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new ArgumentException($"'{continuation}' is not a change feed continuation of this store.", nameof(continuation));
    }

    private static Task NextSequenceAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        SqliteFile.ExecuteAsync(connection, NextSequenceSql, static _ => { }, cancellationToken);

    private static void BindColumns(SqliteParameterCollection parameters, OpenShiftClusterDocument document)
    {
        parameters.AddWithValue("@key", document.Key);
        parameters.AddWithValue("@unqueued", document.Unqueued);
    }
}
