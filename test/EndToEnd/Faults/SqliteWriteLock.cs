using Microsoft.Data.Sqlite;

namespace Rp.EndToEnd.Tests.Faults;

/// <summary>
/// The embedded stores' outage: another process holds the write lock of <c>rp.db</c> and
/// <c>queue.db</c> (as a backup or a stuck writer would), so every write waits for it.
/// </summary>
public sealed class SqliteWriteLock(string dataDir) : IStoreOutage
{
    private readonly List<SqliteConnection> held = [];

    public string What => "the embedded stores' write lock held by another process";

    public async Task BeginAsync()
    {
        foreach (var file in new[] { "rp.db", "queue.db" })
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, file), Pooling = false, DefaultTimeout = 60 }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 60000; BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
            held.Add(connection);
        }
    }

    public async Task EndAsync()
    {
        foreach (var connection in held)
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK";
                await command.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }

        held.Clear();
    }
}
