using Microsoft.Data.Sqlite;

namespace Rp.EndToEnd.Tests.Deployments;

/// <summary>Reads an rp's embedded database file behind its back, to count what it really holds.</summary>
public static class RpStore
{
    public static async Task<long> CountAsync(string dataDir, string table)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "rp.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
