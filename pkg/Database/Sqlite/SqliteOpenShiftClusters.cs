using System.Globalization;
using Microsoft.Data.Sqlite;
using Rp.Database.Documents;

namespace Rp.Database.Sqlite;

/// <summary>The <c>OpenShiftClusters</c> container in the embedded database.</summary>
internal sealed class SqliteOpenShiftClusters(SqliteDocumentStore store) : IOpenShiftClusters
{
    private const string GetByKeySql = "SELECT etag, body FROM OpenShiftClusters WHERE key = @key";

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

    // The prefix comparison keeps the scan on the (partitionKey, key) index starting at the prefix.
    private const string ListSql = """
        SELECT etag, body, key FROM OpenShiftClusters
        WHERE partitionKey = @partitionKey AND key >= @prefix AND substr(key, 1, length(@prefix)) = @prefix
            AND (@after IS NULL OR key > @after)
        ORDER BY key
        LIMIT @limit
        """;

    private const string ListUnqueuedSql = "SELECT etag, body FROM OpenShiftClusters WHERE partitionKey = @partitionKey AND unqueued = 1 ORDER BY key";

    private const string ChangeFeedSql = "SELECT etag, body, sequence FROM OpenShiftClusters WHERE sequence > @after ORDER BY sequence LIMIT @limit";

    public Task<OpenShiftClusterDocument?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<OpenShiftClusterDocument>(GetByKeySql, p => p.AddWithValue("@key", key), cancellationToken);

    public Task<OpenShiftClusterDocument?> GetByIdAsync(string partitionKey, string id, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<OpenShiftClusterDocument>(
            GetByIdSql,
            p =>
            {
                p.AddWithValue("@partitionKey", partitionKey);
                p.AddWithValue("@id", id);
            },
            cancellationToken);

    public Task<OpenShiftClusterDocument> CreateAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Key);
        return store.InsertAsync(document, InsertSql, p => BindColumns(p, document), NextSequenceAsync, cancellationToken);
    }

    public Task<OpenShiftClusterDocument> ReplaceAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Key);
        return store.ReplaceAsync(document, ReplaceSql, p => BindColumns(p, document), NextSequenceAsync, cancellationToken);
    }

    public Task DeleteAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(document, DeleteSql, cancellationToken);

    public async Task<DocumentPage<OpenShiftClusterDocument>> ListAsync(string partitionKey, string keyPrefix, string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);

        // One row more than the page tells whether another page follows, so a full last page
        // ends the listing instead of leading to an empty one.
        var rows = await store.ReadManyAsync(
            ListSql,
            p =>
            {
                p.AddWithValue("@partitionKey", partitionKey);
                p.AddWithValue("@prefix", keyPrefix);
                p.AddWithValue("@after", (object?)continuation ?? DBNull.Value);
                p.AddWithValue("@limit", maxItems + 1);
            },
            r => (Etag: r.GetString(0), Body: r.GetString(1), Key: r.GetString(2)),
            cancellationToken).ConfigureAwait(false);

        var page = rows.Take(maxItems).ToList();
        var next = rows.Count > maxItems ? page[^1].Key : null;
        return new DocumentPage<OpenShiftClusterDocument>(page.ConvertAll(r => store.Decode<OpenShiftClusterDocument>(r.Body, r.Etag)), next);
    }

    public async Task<IReadOnlyList<OpenShiftClusterDocument>> ListUnqueuedAsync(string partitionKey, CancellationToken cancellationToken = default) =>
        await store.ReadManyAsync(
            ListUnqueuedSql,
            p => p.AddWithValue("@partitionKey", partitionKey),
            r => store.Decode<OpenShiftClusterDocument>(r.GetString(1), r.GetString(0)),
            cancellationToken).ConfigureAwait(false);

    public async Task<ChangeFeedPage<OpenShiftClusterDocument>> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        var after = ParseContinuation(continuation);
        var rows = await store.ReadManyAsync(
            ChangeFeedSql,
            p =>
            {
                p.AddWithValue("@after", after);
                p.AddWithValue("@limit", maxItems);
            },
            r => (Etag: r.GetString(0), Body: r.GetString(1), Sequence: r.GetInt64(2)),
            cancellationToken).ConfigureAwait(false);

        var last = rows.Count > 0 ? rows[^1].Sequence : after;
        return new ChangeFeedPage<OpenShiftClusterDocument>(
            rows.ConvertAll(r => store.Decode<OpenShiftClusterDocument>(r.Body, r.Etag)),
            last.ToString(CultureInfo.InvariantCulture));
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
