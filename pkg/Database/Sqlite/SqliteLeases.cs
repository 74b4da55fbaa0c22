using Rp.Database.Documents;

namespace Rp.Database.Sqlite;

/// <summary>The <c>Leases</c> container in the embedded database.</summary>
internal sealed class SqliteLeases(SqliteDocumentStore store) : ILeases
{
    private const string GetSql = "SELECT etag, body FROM Leases WHERE id = @id";

    private const string InsertSql = "INSERT INTO Leases (id, etag, body) VALUES (@id, @newEtag, @body)";

    private const string ReplaceSql = "UPDATE Leases SET etag = @newEtag, body = @body WHERE id = @id AND etag = @etag";

    public Task<LeaseDocument?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<LeaseDocument>(GetSql, p => p.AddWithValue("@id", id), cancellationToken);

    public Task<LeaseDocument> CreateAsync(LeaseDocument document, CancellationToken cancellationToken = default) =>
        store.InsertAsync(document, InsertSql, static _ => { }, null, cancellationToken);

    public Task<LeaseDocument> ReplaceAsync(LeaseDocument document, CancellationToken cancellationToken = default) =>
        store.ReplaceAsync(document, ReplaceSql, static _ => { }, null, cancellationToken);
}
