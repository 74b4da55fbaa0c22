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
            popReceipt TEXT
        );
        CREATE INDEX IF NOT EXISTS MessagesVisible ON Messages (queue, visibleOn);
        """;

    private const string PutSql = "INSERT INTO Messages (queue, id, body, visibleOn, dequeueCount) VALUES (@queue, @id, @body, @now, 0)";

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
    private const string StatisticsSql = """
        SELECT COUNT(*), (SELECT MIN(visibleOn) FROM Messages WHERE queue = @queue AND visibleOn <= @now)
        FROM Messages WHERE queue = @queue
        """;

    private const string DeleteSql = "DELETE FROM Messages WHERE queue = @queue AND id = @id AND popReceipt = @popReceipt";

    private readonly SqliteFile file;
    private readonly string queue;
    private readonly TimeProvider timeProvider;

    public SqliteWorkQueue(IOptions<QueueOptions> queueOptions, IOptions<RpOptions> rpOptions, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueOptions.Value.Name);
        queue = queueOptions.Value.Name;
        this.timeProvider = timeProvider;
        file = new SqliteFile(Path.Combine(rpOptions.Value.DataDir, FileName), Schema);
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

    public Task<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return file.ReadAsync(
            async (connection, ct) =>
            {
                var command = SqliteFile.Command(connection, StatisticsSql);
                command.Parameters.AddWithValue("@queue", queue);
                command.Parameters.AddWithValue("@now", now);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(ct).ConfigureAwait(false);
                    TimeSpan? age = reader.IsDBNull(1) ? null : TimeSpan.FromMilliseconds(now - reader.GetInt64(1));
                    return new QueueStatistics(reader.GetInt64(0), age);
                }
            },
            cancellationToken);
    }

    public void Dispose() => file.Dispose();

    private static string NewPopReceipt() => Guid.NewGuid().ToString("N");

    private static MessageLostException Lost(string messageId) =>
        new($"Message {messageId} was deleted or taken again since its pop receipt was issued.");
}
