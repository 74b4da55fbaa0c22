using Microsoft.Data.Sqlite;

namespace Rp.Database.Sqlite;

/// <summary>
/// The one writer of a process on one SQLite file. SQLite lets one connection write at a time,
/// and a connection that finds the file locked sleeps in its busy handler (1, 2, 5, 10, ... ms), so
/// concurrent writers on several connections mostly wait; and every commit in WAL mode with
/// <c>synchronous=FULL</c> is an fsync. Here every write of the process is queued to one connection:
/// the writes waiting when a transaction begins all run in it, each in a savepoint of its own (a
/// write that throws is rolled back alone and its caller gets the exception), and one commit, one
/// fsync, makes them all durable. No caller hears of its write before that commit: each write is
/// exactly as durable as in a transaction of its own. The writer is a thread of its own: SQLite's
/// calls block (the commit waits for the disk), and a thread-pool thread held by them is one fewer
/// for requests on a machine of two cores.
/// </summary>
internal sealed class SqliteGroupCommit(string name, Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>The most writes in one transaction, so that one commit never holds many callers for long.</summary>
    public const int MaxBatch = 128;

    private readonly Lock gate = new();
    private readonly Queue<IPendingWrite> pending = new();
    private readonly AutoResetEvent queued = new(false);
    private SqliteConnection? connection;
    private Thread? thread;
    private bool idle;
    private bool disposed;

    private interface IPendingWrite
    {
        CancellationToken CancellationToken { get; }

        Task RunAsync(SqliteConnection connection);

        void Fail(Exception exception);

        void Complete();
    }

    /// <summary>Runs <paramref name="write"/> in the next transaction; completes once that transaction committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var item = new PendingWrite<T>(write, cancellationToken);
        bool wake;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            pending.Enqueue(item);
            if (thread is null)
            {
                thread = new Thread(Run) { IsBackground = true, Name = $"SQLite writer ({name})" };
                thread.Start();
            }

            // A busy writer takes the next batch without being woken: no system call per write.
            wake = idle;
            idle = false;
        }

        if (wake)
        {
            queued.Set();
        }

        return item.Task;
    }

    /// <summary>Fails the writes not yet run, lets the one running finish, and closes the connection.</summary>
    public void Dispose()
    {
        Thread? running;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            running = thread;
        }

        queued.Set();
        if (running is null || running.Join(TimeSpan.FromSeconds(30)))
        {
            connection?.Dispose();
            queued.Dispose();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql) =>
        await SqliteFile.ExecuteAsync(connection, sql, static _ => { }).ConfigureAwait(false);

    private void Run()
    {
        while (true)
        {
            List<IPendingWrite> batch;
            lock (gate)
            {
                if (disposed)
                {
                    foreach (var left in pending)
                    {
                        left.Fail(new ObjectDisposedException(nameof(SqliteGroupCommit)));
                    }

                    pending.Clear();
                    return;
                }

                batch = new List<IPendingWrite>(Math.Min(pending.Count, MaxBatch));
                while (pending.Count > 0 && batch.Count < MaxBatch)
                {
                    batch.Add(pending.Dequeue());
                }

                // The next write sees this and wakes the thread; a wake-up that comes before the
                // wait below is kept by the event.
                idle = batch.Count == 0;
            }

            if (batch.Count == 0)
            {
                queued.WaitOne();
                continue;
            }

            // Microsoft.Data.Sqlite's calls are synchronous: the batch runs on this thread.
            RunBatchAsync(batch).GetAwaiter().GetResult();
        }
    }

    private async Task RunBatchAsync(List<IPendingWrite> batch)
    {
        // Every caller hears of its write only once the transaction has ended: a write's own
        // failure (a stale ETag, a duplicate key) may have been caused by an earlier write of the
        // same transaction, which only counts once committed.
        var failures = new Dictionary<IPendingWrite, Exception>();
        SqliteConnection? writer = null;
        try
        {
            writer = connection ??= await open(CancellationToken.None).ConfigureAwait(false);

            // IMMEDIATE takes the write lock before the first read: a deferred transaction that
            // upgrades after reading fails at once with SQLITE_BUSY (no busy wait) when another
            // process committed in between.
            await ExecuteAsync(writer, "BEGIN IMMEDIATE").ConfigureAwait(false);
            foreach (var item in batch)
            {
                if (item.CancellationToken.IsCancellationRequested)
                {
                    failures[item] = new OperationCanceledException(item.CancellationToken);
                    continue;
                }

                await ExecuteAsync(writer, "SAVEPOINT write").ConfigureAwait(false);
                try
                {
                    await item.RunAsync(writer).ConfigureAwait(false);
                    await ExecuteAsync(writer, "RELEASE write").ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Only this write is undone; the others in the transaction stand. A rollback
                    // that fails (the transaction itself is lost) fails them all, below.
                    failures[item] = e;
                    await ExecuteAsync(writer, "ROLLBACK TO write").ConfigureAwait(false);
                    await ExecuteAsync(writer, "RELEASE write").ConfigureAwait(false);
                }
            }

            await ExecuteAsync(writer, "COMMIT").ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await AbandonAsync(writer).ConfigureAwait(false);
            foreach (var item in batch)
            {
                item.Fail(failures.GetValueOrDefault(item, e));
            }

            return;
        }

        foreach (var item in batch)
        {
            if (failures.TryGetValue(item, out var failure))
            {
                item.Fail(failure);
            }
            else
            {
                item.Complete();
            }
        }
    }

    /// <summary>Rolls back what is left of a failed transaction and replaces the connection.</summary>
    private async Task AbandonAsync(SqliteConnection? writer)
    {
        if (writer is not null && SQLitePCL.raw.sqlite3_get_autocommit(writer.Handle) == 0)
        {
            try
            {
                await ExecuteAsync(writer, "ROLLBACK").ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // The connection is replaced anyway.
            }
        }

        connection?.Dispose();
        connection = null;
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken) : IPendingWrite
    {
        // Continuations run elsewhere: the caller's code must never run on (and hold up) the writer.
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public CancellationToken CancellationToken => cancellationToken;

        public Task<T> Task => completion.Task;

        public async Task RunAsync(SqliteConnection connection) => result = await write(connection, cancellationToken).ConfigureAwait(false);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                completion.TrySetException(exception);
            }
        }

        public void Complete() => completion.TrySetResult(result!);
    }
}
