using Microsoft.Data.Sqlite;

namespace Rp.Backend.Tests.Worker;

/// <summary>The embedded queue's file read and written past the queue port, to see messages that are hidden and to lose one under a worker.</summary>
internal sealed class QueueFile(string dataDir)
{
    /// <summary>The embedded queue's file name in the data directory.</summary>
    public const string FileName = "queue.db";

    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDir, FileName),
        Pooling = false,
    }.ToString();

    /// <summary>Every message not deleted, visible or not.</summary>
    public Task<long> CountAsync() => ScalarAsync("SELECT COUNT(*) FROM Messages");

    /// <summary>The messages a consumer could take now.</summary>
    public Task<long> VisibleCountAsync(DateTimeOffset now) =>
        ScalarAsync($"SELECT COUNT(*) FROM Messages WHERE visibleOn <= {now.ToUnixTimeMilliseconds()}");

    /// <summary>Deletes every message, whoever holds it: the next call with any pop receipt finds it gone.</summary>
    public async Task DeleteAllAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM Messages";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
