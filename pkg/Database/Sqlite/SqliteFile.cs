using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Rp.Database.Sqlite;

/// <summary>
/// One SQLite database file shared by any number of connections and processes: WAL journal, a
/// busy timeout instead of immediate SQLITE_BUSY, the schema created on first use. Reads run on
/// connections kept open (their prepared statements with them); every write of the process goes
/// through one writer (<see cref="SqliteGroupCommit"/>), in a <c>BEGIN IMMEDIATE</c> transaction
/// that it may share with other writes waiting at the same time. Used by the embedded database and
/// the embedded queue.
/// </summary>
public sealed class SqliteFile : IDisposable
{
    // How long a statement waits for another process's write lock.
    private const int BusyTimeoutSeconds = 30;
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 30000;";
    private const string WalPragma = "PRAGMA journal_mode = WAL;";
    private const string DataVersionPragma = "PRAGMA data_version;";

    // Idle read connections kept open beyond this many are closed: enough for the requests that
    // read at the same time on a small machine, without holding a page cache per past peak.
    private const int MaxIdleReaders = 16;

    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Commands = [];

    private readonly string connectionString;
    private readonly string schema;
    private readonly string name;
    private readonly string[] addedColumns;
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> idleReaders = [];
    private readonly SqliteGroupCommit writer;
    private readonly Lock probeGate = new();
    private SqliteConnection? probe;
    private long lastDataVersion = -1;
    private long changes;
    private volatile bool schemaCreated;
    private volatile bool disposed;

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

            // This class keeps its own connections open, with their prepared statements.
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
        writer = new SqliteGroupCommit(name, OpenAsync);
    }

    public string Path { get; }

    /// <summary>
    /// The statement <paramref name="sql"/> on <paramref name="connection"/>, prepared once per
    /// connection and reused, its parameters cleared. Not for concurrent use: a connection serves
    /// one read or the writer at a time.
    /// </summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var commands = Commands.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> (in the connection's transaction, if any) and returns the number of rows it changed.</summary>
    public static Task<int> ExecuteAsync(SqliteConnection connection, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken = default)
    {
        var command = Command(connection, sql);
        bind(command.Parameters);
        return command.ExecuteNonQueryAsync(cancellationToken);
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
                await ExecuteAsync(connection, WalPragma, static _ => { }, cancellationToken).ConfigureAwait(false);
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    await ExecuteOnceAsync(connection, schema, cancellationToken).ConfigureAwait(false);
                    foreach (var statement in addedColumns)
                    {
                        try
                        {
                            await ExecuteOnceAsync(connection, statement, cancellationToken).ConfigureAwait(false);
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
        SqliteConnection? connection = null;
        try
        {
            connection = idleReaders.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken).ConfigureAwait(false);
            var result = await read(connection, cancellationToken).ConfigureAwait(false);
            failed = false;
            return result;
        }
        finally
        {
            if (connection is not null)
            {
                Return(connection, healthy: !failed);
            }

            DatabaseTelemetry.RecordSqlite(name, "read", started, failed);
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a <c>BEGIN IMMEDIATE</c> transaction, possibly with other
    /// writes of this process, each in a savepoint of its own: an exception undoes only this
    /// write's changes and is rethrown here. Completes once the transaction committed.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            var result = await writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
            failed = false;
            return result;
        }
        finally
        {
            DatabaseTelemetry.RecordSqlite(name, "write", started, failed);
        }
    }

    /// <summary>
    /// A number that is the same as the one an earlier call returned only if nothing was committed
    /// to the file since, by this process or any other (SQLite's <c>PRAGMA data_version</c>, on a
    /// connection of its own). It says nothing about what changed: a cache entry remembered with
    /// the number is still valid while it has not moved.
    /// </summary>
    public long DataVersion()
    {
        lock (probeGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            try
            {
                if (probe is null)
                {
                    probe = OpenAsync(CancellationToken.None).GetAwaiter().GetResult();

                    // data_version numbers only compare on one connection: a new one starts a new series.
                    lastDataVersion = -1;
                }

                var version = (long)Command(probe, DataVersionPragma).ExecuteScalar()!;
                if (version != lastDataVersion)
                {
                    lastDataVersion = version;
                    changes++;
                }

                return changes;
            }
            catch (SqliteException)
            {
                probe?.Dispose();
                probe = null;
                throw;
            }
        }
    }

    /// <summary>Closes every connection to the file.</summary>
    public void Dispose()
    {
        disposed = true;
        writer.Dispose();
        while (idleReaders.TryTake(out var connection))
        {
            connection.Dispose();
        }

        lock (probeGate)
        {
            probe?.Dispose();
            probe = null;
        }

        schemaLock.Dispose();
    }

    /// <summary>A statement run once, on a command of its own (which joins the connection's transaction).</summary>
    private static async Task ExecuteOnceAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Return(SqliteConnection connection, bool healthy)
    {
        // A connection whose read failed may be left mid-statement: it is not reused.
        if (!healthy || disposed || idleReaders.Count >= MaxIdleReaders)
        {
            connection.Dispose();
            return;
        }

        idleReaders.Add(connection);

        // Dispose may have emptied the bag in between.
        if (disposed && idleReaders.TryTake(out var late))
        {
            late.Dispose();
        }
    }

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
            await ExecuteAsync(connection, ConnectionPragmas, static _ => { }, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
