using Rp.Database.Documents;

namespace Rp.Database.Sqlite;

/// <summary>The <c>Subscriptions</c> container in the embedded database.</summary>
internal sealed class SqliteSubscriptions(SqliteDocumentStore store) : ISubscriptions
{
    private const string GetSql = "SELECT etag, body FROM Subscriptions WHERE id = @id";

    private const string GetIfChangedSql = "SELECT etag, CASE WHEN etag = @knownETag THEN NULL ELSE body END FROM Subscriptions WHERE id = @id";

    private const string ListAllSql = "SELECT etag, body FROM Subscriptions ORDER BY id";

    private const string InsertSql = "INSERT INTO Subscriptions (id, etag, body) VALUES (@id, @newEtag, @body)";

    private const string ReplaceSql = "UPDATE Subscriptions SET etag = @newEtag, body = @body WHERE id = @id AND etag = @etag";

    public Task<SubscriptionDocument?> GetAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        store.ReadOneAsync<SubscriptionDocument>(GetSql, p => p.AddWithValue("@id", subscriptionId), cancellationToken);

    public Task<ConditionalRead<SubscriptionDocument>> GetIfChangedAsync(string subscriptionId, DocumentVersion? known, CancellationToken cancellationToken = default) =>
        store.ReadIfChangedAsync<SubscriptionDocument>(GetIfChangedSql, p => p.AddWithValue("@id", subscriptionId), known, cancellationToken);

    public Task<SubscriptionDocument> CreateAsync(SubscriptionDocument document, CancellationToken cancellationToken = default) =>
        store.InsertAsync(document, InsertSql, static _ => { }, null, cancellationToken);

    public Task<SubscriptionDocument> ReplaceAsync(SubscriptionDocument document, CancellationToken cancellationToken = default) =>
        store.ReplaceAsync(document, ReplaceSql, static _ => { }, null, cancellationToken);

    public async Task<IReadOnlyList<SubscriptionDocument>> ListAllAsync(CancellationToken cancellationToken = default) =>
        await store.ReadManyAsync(
            ListAllSql,
            static _ => { },
            r => store.Decode<SubscriptionDocument>(r.GetString(1), r.GetString(0)),
            cancellationToken).ConfigureAwait(false);
}
