using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Rp.Database.Sqlite;
using Rp.Env;

namespace Rp.Queue.Sqlite;

/// <summary>
/// The embedded work queue: a table in <c>queue.db</c> in the data directory, shared by every
/// process of that directory. A message is visible when its <c>visibleOn</c> has passed; taking it
/// moves <c>visibleOn</c> by the visibility timeout and issues a new pop receipt, which every later
/// call on the message must present.
/// </summary>
internal sealed class SqliteWorkQueue : IWorkQueue, IDisposable
{
    public const string FileName = "queue.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS Messages (
            sequence INTEGER PRIMARY KEY,
            queue TEXT NOT NULL,
            id TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            visibleOn INTEGER NOT NULL,
            dequeueCount INTEGER NOT NULL,
            popReceipt TEXT,
            insertedOn INTEGER
        );
        CREATE INDEX IF NOT EXISTS MessagesVisible ON Messages (queue, visibleOn);
        """;

    // Files made before the queue status existed lack the column; their messages count from when they were last visible.
    private const string AddInsertedOnSql = "ALTER TABLE Messages ADD COLUMN insertedOn INTEGER";

    private const string PutSql = "INSERT INTO Messages (queue, id, body, visibleOn, dequeueCount, insertedOn) VALUES (@queue, @id, @body, @now, 0, @now)";

    private const string StatusSql = """
        SELECT COUNT(*), MIN(COALESCE(insertedOn, visibleOn)), COALESCE(SUM(dequeueCount >= @maxDequeueCount), 0)
        FROM Messages WHERE queue = @queue
        """;

    // Oldest visible first: a message that reappeared goes ahead of those put after it became due.
    private const string GetSql = """
        UPDATE Messages SET visibleOn = @visibleOn, dequeueCount = dequeueCount + 1, popReceipt = @popReceipt
        WHERE sequence = (SELECT sequence FROM Messages WHERE queue = @queue AND visibleOn <= @now ORDER BY visibleOn, sequence LIMIT 1)
        RETURNING id, body, dequeueCount
        """;

    private const string UpdateVisibilitySql = """
        UPDATE Messages SET visibleOn = @visibleOn, popReceipt = @newPopReceipt
        WHERE queue = @queue AND id = @id AND popReceipt = @popReceipt
        """;

    // A message's visibleOn is its insertion time until it is first taken, then when it came back.
    private const string DeleteSql = "DELETE FROM Messages WHERE queue = @queue AND id = @id AND popReceipt = @popReceipt";

    private readonly SqliteFile file;
    private readonly string queue;
    private readonly TimeProvider timeProvider;

    public SqliteWorkQueue(IOptions<QueueOptions> queueOptions, IOptions<RpOptions> rpOptions, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueOptions.Value.Name);
        queue = queueOptions.Value.Name;
        this.timeProvider = timeProvider;
        file = new SqliteFile(Path.Combine(rpOptions.Value.DataDir, FileName), Schema, AddInsertedOnSql);
    }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        file.EnsureCreatedAsync(cancellationToken);

    public Task PutAsync(string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return file.WriteAsync(
            (connection, ct) => SqliteFile.ExecuteAsync(
                connection,
                PutSql,
                p =>
                {
                    p.AddWithValue("@queue", queue);
                    p.AddWithValue("@id", Guid.NewGuid().ToString());
                    p.AddWithValue("@body", body);
                    p.AddWithValue("@now", now);
                },
                ct),
            cancellationToken);
    }

    public Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        var visibleOn = now + visibilityTimeout;
        var popReceipt = NewPopReceipt();
        return file.WriteAsync<QueueMessage?>(
            async (connection, ct) =>
            {
                var command = SqliteFile.Command(connection, GetSql);
                command.Parameters.AddWithValue("@queue", queue);
                command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@visibleOn", visibleOn.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@popReceipt", popReceipt);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(ct).ConfigureAwait(false)
                        ? new QueueMessage(reader.GetString(0), popReceipt, reader.GetString(1), reader.GetInt32(2), visibleOn)
                        : null;
                }
            },
            cancellationToken);
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var visibleOn = timeProvider.GetUtcNow() + visibilityTimeout;
        var newPopReceipt = NewPopReceipt();
        var changed = await file.WriteAsync(
            (connection, ct) => SqliteFile.ExecuteAsync(
                connection,
                UpdateVisibilitySql,
                p =>
                {
                    p.AddWithValue("@queue", queue);
                    p.AddWithValue("@id", messageId);
                    p.AddWithValue("@popReceipt", popReceipt);
                    p.AddWithValue("@newPopReceipt", newPopReceipt);
                    p.AddWithValue("@visibleOn", visibleOn.ToUnixTimeMilliseconds());
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        return changed == 1 ? newPopReceipt : throw Lost(messageId);
    }

    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        var changed = await file.WriteAsync(
            (connection, ct) => SqliteFile.ExecuteAsync(
                connection,
                DeleteSql,
                p =>
                {
                    p.AddWithValue("@queue", queue);
                    p.AddWithValue("@id", messageId);
                    p.AddWithValue("@popReceipt", popReceipt);
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw Lost(messageId);
        }
    }

    public Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default) =>
        file.ReadAsync(
            async (connection, ct) =>
            {
                var command = SqliteFile.Command(connection, StatusSql);
                command.Parameters.AddWithValue("@queue", queue);
                command.Parameters.AddWithValue("@maxDequeueCount", maxDequeueCount);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(ct).ConfigureAwait(false);
                    var depth = reader.GetInt64(0);
                    return new QueueStatus(
                        depth,
                        reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                        reader.GetInt32(2),
                        (int)depth);
                }
            },
            cancellationToken);

    public void Dispose() => file.Dispose();

    private static string NewPopReceipt() => Guid.NewGuid().ToString("N");

    private static MessageLostException Lost(string messageId) =>
        new($"Message {messageId} was deleted or taken again since its pop receipt was issued.");
}
