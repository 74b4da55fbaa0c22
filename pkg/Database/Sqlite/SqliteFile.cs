using Microsoft.Data.Sqlite;

namespace Rp.Database.Sqlite;

/// <summary>
/// One SQLite database file shared by any number of connections and processes: WAL journal, a
/// busy timeout instead of immediate SQLITE_BUSY, the schema created on first use, and every write
/// in a <c>BEGIN IMMEDIATE</c> transaction. Used by the embedded database and the embedded queue.
/// </summary>
public sealed class SqliteFile : IDisposable
{
    // How long a statement waits for another connection's (or process's) write lock.
    private const int BusyTimeoutSeconds = 30;
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 30000;";
    private const string WalPragma = "PRAGMA journal_mode = WAL;";

    private readonly string connectionString;
    private readonly string schema;
    private readonly string name;
    private readonly string[] addedColumns;
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaCreated;

    /// <param name="path">The database file; its directory is created if missing.</param>
    /// <param name="schema">Idempotent DDL (<c>CREATE ... IF NOT EXISTS</c>) run once per instance, in a write transaction.</param>
    /// <param name="addedColumns">
    /// <c>ALTER TABLE ... ADD COLUMN</c> statements for columns added after files were first made
    /// with <paramref name="schema"/>, run after it: a file that has the column already (a new one,
    /// or one upgraded before) answers "duplicate column name", which is the expected answer.
    /// </param>
    public SqliteFile(string path, string schema, params string[] addedColumns)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        this.schema = schema;
        name = System.IO.Path.GetFileNameWithoutExtension(Path);
        this.addedColumns = addedColumns;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="sql"/> (in the connection's transaction, if any) and returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the file and its schema if they do not exist; safe to race with other processes.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (schemaCreated)
        {
            return;
        }

        await schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (schemaCreated)
            {
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // The journal mode is persistent in the file and cannot change inside a transaction.
                await ExecuteAsync(connection, WalPragma, cancellationToken).ConfigureAwait(false);
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, schema, cancellationToken).ConfigureAwait(false);
                    foreach (var statement in addedColumns)
                    {
                        try
                        {
                            await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
                        }
                        catch (SqliteException e) when (e.Message.Contains("duplicate column name", StringComparison.Ordinal))
                        {
                            // Added already.
                        }
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            schemaCreated = true;
        }
        finally
        {
            schemaLock.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on an open connection (each statement sees a consistent snapshot).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var result = await read(connection, cancellationToken).ConfigureAwait(false);
                failed = false;
                return result;
            }
        }
        finally
        {
            DatabaseTelemetry.RecordSqlite(name, "read", started, failed);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a <c>BEGIN IMMEDIATE</c> transaction and commits it; an
    /// exception rolls it back. Commands created from the connection join the transaction.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var result = await WriteTransactionAsync(write, cancellationToken).ConfigureAwait(false);
            failed = false;
            return result;
        }
        finally
        {
            DatabaseTelemetry.RecordSqlite(name, "write", started, failed);
        }
    }

    private async Task<T> WriteTransactionAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // IMMEDIATE takes the write lock before the first read: a deferred transaction that
            // upgrades after reading fails at once with SQLITE_BUSY (no busy wait) when another
            // connection or process committed in between.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await write(connection, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <summary>Closes the pooled connections to the file.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        schemaLock.Dispose();
    }

    private static Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, sql, static _ => { }, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // SQLite's own busy handler backs off in milliseconds; without it Microsoft.Data.Sqlite
            // retries a busy statement only every 150 ms.
            await ExecuteAsync(connection, ConnectionPragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
