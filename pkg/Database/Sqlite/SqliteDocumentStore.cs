using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Rp.Database.Documents;
using Rp.Database.Serialization;
using Rp.Env;

namespace Rp.Database.Sqlite;

/// <summary>
/// The embedded database: one SQLite file with a table per container. A row keeps the document
/// body (serialized by <see cref="DocumentSerializer"/>, so secrets are encrypted) and, in their own
/// columns, the ETag and whatever the container queries on.
/// </summary>
internal sealed class SqliteDocumentStore : IDisposable
{
    public const string FileName = "rp.db";

    // Every write to OpenShiftClusters takes the next value of the sequence inside its write
    // transaction, so the change feed's order is the commit order, across processes too. A
    // separate counter (not MAX(sequence)) keeps numbers from being reused after a delete.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS OpenShiftClusters (
            partitionKey TEXT NOT NULL,
            id TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE,
            unqueued INTEGER NOT NULL,
            sequence INTEGER NOT NULL UNIQUE,
            etag TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (partitionKey, id)
        );
        CREATE INDEX IF NOT EXISTS OpenShiftClustersPartitionKey ON OpenShiftClusters (partitionKey, key);
        CREATE INDEX IF NOT EXISTS OpenShiftClustersUnqueued ON OpenShiftClusters (partitionKey, key) WHERE unqueued = 1;
        CREATE TABLE IF NOT EXISTS Sequences (
            name TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO Sequences (name, value) VALUES ('OpenShiftClusters', 0);
        CREATE TABLE IF NOT EXISTS Subscriptions (
            id TEXT NOT NULL PRIMARY KEY,
            etag TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS AsyncOperations (
            id TEXT NOT NULL PRIMARY KEY,
            expires INTEGER,
            etag TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS AsyncOperationsExpires ON AsyncOperations (expires) WHERE expires IS NOT NULL;
        CREATE TABLE IF NOT EXISTS Leases (
            id TEXT NOT NULL PRIMARY KEY,
            etag TEXT NOT NULL,
            body TEXT NOT NULL
        );
        """;

    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private readonly DocumentSerializer serializer;

    public SqliteDocumentStore(IOptions<DatabaseOptions> databaseOptions, IOptions<RpOptions> rpOptions, DocumentSerializer serializer, TimeProvider timeProvider)
    {
        this.serializer = serializer;
        TimeProvider = timeProvider;
        File = new SqliteFile(databaseOptions.Value.SqlitePath ?? Path.Combine(rpOptions.Value.DataDir, FileName), Schema);
    }

    public SqliteFile File { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>A new opaque, quoted version stamp (the shape of an HTTP ETag).</summary>
    public static string NewETag() => $"\"{Guid.NewGuid()}\"";

    private static bool IsDuplicate(SqliteException exception) =>
        exception.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique;

    /// <summary>The document's body as stored: without the ETag, which lives in its own column and would be stale in the body after the next write.</summary>
    public string Encode(Document document) => serializer.SerializeWithoutETag(document);

    public T Decode<T>(string body, string etag)
        where T : Document
    {
        var document = serializer.Deserialize<T>(body);
        document.ETag = etag;
        return document;
    }

    /// <summary>The first row's document (columns: etag, body), or null.</summary>
    public Task<T?> ReadOneAsync<T>(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
        where T : Document =>
        File.ReadAsync<T?>(
            async (connection, ct) =>
            {
                var command = SqliteFile.Command(connection, sql);
                bind(command.Parameters);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(ct).ConfigureAwait(false) ? Decode<T>(reader.GetString(1), reader.GetString(0)) : null;
                }
            },
            cancellationToken);

    /// <summary>
    /// The first row's document unless it is still the version <paramref name="known"/> describes.
    /// <paramref name="sql"/> has the columns etag and body, where body is NULL when etag equals
    /// @knownETag (so an unchanged document is neither read nor decoded). When nothing was
    /// committed to the file since <paramref name="known"/> was confirmed, not even that query runs.
    /// </summary>
    public async Task<ConditionalRead<T>> ReadIfChangedAsync<T>(string sql, Action<SqliteParameterCollection> bind, DocumentVersion? known, CancellationToken cancellationToken)
        where T : Document
    {
        // Observed before the row is read: a write committed after this moves the data version,
        // so whatever is remembered with it is checked again next time.
        var observed = File.DataVersion();
        if (known is not null && known.Observed == observed)
        {
            return ConditionalRead<T>.Unchanged(known);
        }

        var row = await File.ReadAsync(
            async (connection, ct) =>
            {
                var command = SqliteFile.Command(connection, sql);
                bind(command.Parameters);
                command.Parameters.AddWithValue("@knownETag", (object?)known?.ETag ?? DBNull.Value);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(ct).ConfigureAwait(false)
                        ? (ETag: reader.GetString(0), Body: reader.IsDBNull(1) ? null : reader.GetString(1))
                        : default;
                }
            },
            cancellationToken).ConfigureAwait(false);

        if (row.ETag is null)
        {
            return ConditionalRead<T>.Missing;
        }

        if (row.Body is null)
        {
            return ConditionalRead<T>.Unchanged(known! with { Observed = observed });
        }

        var document = Decode<T>(row.Body, row.ETag);
        return new ConditionalRead<T>(document, new DocumentVersion(document.Id, row.ETag, observed));
    }

    /// <summary>Every row's document (columns: etag, body, then any that <paramref name="map"/> reads).</summary>
    public Task<List<TRow>> ReadManyAsync<TRow>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, TRow> map, CancellationToken cancellationToken) =>
        File.ReadAsync(
            async (connection, ct) =>
            {
                var command = SqliteFile.Command(connection, sql);
                bind(command.Parameters);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var rows = new List<TRow>();
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        rows.Add(map(reader));
                    }

                    return rows;
                }
            },
            cancellationToken);

    /// <summary>
    /// Inserts the document with a new ETag in a write transaction, after <paramref name="before"/>
    /// (in the same transaction). Parameters: @id, @partitionKey, @newEtag, @body and those of
    /// <paramref name="bind"/>. A duplicate id or unique key throws <see cref="ConflictException"/>.
    /// </summary>
    public async Task<T> InsertAsync<T>(T document, string sql, Action<SqliteParameterCollection> bind, Func<SqliteConnection, CancellationToken, Task>? before, CancellationToken cancellationToken)
        where T : Document
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Id);
        var body = Encode(document);
        var etag = NewETag();
        await WriteAsync(document, sql, p => Bind(p, document, etag, body, bind), before, conditional: false, cancellationToken).ConfigureAwait(false);
        return Decode<T>(body, etag);
    }

    /// <summary>
    /// Runs the conditional update <paramref name="sql"/> (parameters as for <see cref="InsertAsync"/>,
    /// plus @etag: the document's) in a write transaction, after <paramref name="before"/>. Nothing
    /// changed (a stale ETag or a document that is gone) throws <see cref="PreconditionFailedException"/>.
    /// </summary>
    public async Task<T> ReplaceAsync<T>(T document, string sql, Action<SqliteParameterCollection> bind, Func<SqliteConnection, CancellationToken, Task>? before, CancellationToken cancellationToken)
        where T : Document
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Id);
        ArgumentException.ThrowIfNullOrEmpty(document.ETag);
        var body = Encode(document);
        var etag = NewETag();
        await WriteAsync(document, sql, p => Bind(p, document, etag, body, bind), before, conditional: true, cancellationToken).ConfigureAwait(false);
        return Decode<T>(body, etag);
    }

    /// <summary>Runs the conditional delete <paramref name="sql"/> (parameters @id, @partitionKey, @etag) in a write transaction.</summary>
    public Task DeleteAsync<T>(T document, string sql, CancellationToken cancellationToken)
        where T : Document
    {
        ArgumentException.ThrowIfNullOrEmpty(document.Id);
        ArgumentException.ThrowIfNullOrEmpty(document.ETag);
        return WriteAsync(document, sql, p => Bind(p, document, "", "", static _ => { }), null, conditional: true, cancellationToken);
    }

    public void Dispose() => File.Dispose();

    private Task WriteAsync<T>(T document, string sql, Action<SqliteParameterCollection> bind, Func<SqliteConnection, CancellationToken, Task>? before, bool conditional, CancellationToken cancellationToken)
        where T : Document =>
        File.WriteAsync(
            async (connection, ct) =>
            {
                if (before is not null)
                {
                    await before(connection, ct).ConfigureAwait(false);
                }

                int changed;
                try
                {
                    changed = await SqliteFile.ExecuteAsync(connection, sql, bind, ct).ConfigureAwait(false);
                }
                catch (SqliteException e) when (IsDuplicate(e))
                {
                    throw new ConflictException($"{typeof(T).Name} '{document.Id}' or its unique key already exists.", e);
                }

                if (conditional && changed != 1)
                {
                    throw new PreconditionFailedException($"{typeof(T).Name} '{document.Id}' changed or no longer exists (ETag {document.ETag}).");
                }

                return changed;
            },
            cancellationToken);

    private static void Bind(SqliteParameterCollection parameters, Document document, string newEtag, string body, Action<SqliteParameterCollection> bind)
    {
        parameters.AddWithValue("@id", document.Id);
        parameters.AddWithValue("@partitionKey", document.PartitionKey);
        parameters.AddWithValue("@etag", (object?)document.ETag ?? DBNull.Value);
        parameters.AddWithValue("@newEtag", newEtag);
        parameters.AddWithValue("@body", body);
        bind(parameters);
    }
}
