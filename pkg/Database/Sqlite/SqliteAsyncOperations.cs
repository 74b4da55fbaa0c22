using Microsoft.Data.Sqlite;
using Rp.Database.Documents;

namespace Rp.Database.Sqlite;

/// <summary>
/// The <c>AsyncOperations</c> container in the embedded database. A row expires <c>ttl</c> seconds
/// after its last write (never with ttl -1, as in Cosmos DB): it is not read after that and is
/// purged by the next write.
/// </summary>
internal sealed class SqliteAsyncOperations(SqliteDocumentStore store) : IAsyncOperations
{
    private const string GetSql = "SELECT etag, body FROM AsyncOperations WHERE id = @id AND (expires IS NULL OR expires > @now)";

    private const string PurgeSql = "DELETE FROM AsyncOperations WHERE expires <= @now";

    private const string InsertSql = "INSERT INTO AsyncOperations (id, expires, etag, body) VALUES (@id, @expires, @newEtag, @body)";

    private const string ReplaceSql = "UPDATE AsyncOperations SET expires = @expires, etag = @newEtag, body = @body WHERE id = @id AND etag = @etag";

    public Task<AsyncOperationDocument?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<AsyncOperationDocument>(
            GetSql,
            p =>
            {
                p.AddWithValue("@id", id);
                p.AddWithValue("@now", Now());
            },
            cancellationToken);

    public Task<AsyncOperationDocument> CreateAsync(AsyncOperationDocument document, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var expires = Expires(document, now);
        return store.InsertAsync(document, InsertSql, p => p.AddWithValue("@expires", expires), (c, ct) => PurgeAsync(c, now, ct), cancellationToken);
    }

    public Task<AsyncOperationDocument> ReplaceAsync(AsyncOperationDocument document, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var expires = Expires(document, now);
        return store.ReplaceAsync(document, ReplaceSql, p => p.AddWithValue("@expires", expires), (c, ct) => PurgeAsync(c, now, ct), cancellationToken);
    }

    // Purging in the write transaction first also makes an expired document behave as gone:
    // a replace of it fails and a create of its id succeeds.
    private static Task PurgeAsync(SqliteConnection connection, long now, CancellationToken cancellationToken) =>
        SqliteFile.ExecuteAsync(connection, PurgeSql, p => p.AddWithValue("@now", now), cancellationToken);

    private static object Expires(AsyncOperationDocument document, long now) =>
        document.Ttl switch
        {
            -1 => DBNull.Value,
            > 0 => now + (document.Ttl * 1000L),
            _ => throw new ArgumentOutOfRangeException(nameof(document), document.Ttl, "ttl must be -1 (never expires) or a positive number of seconds."),
        };

    private long Now() => store.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
