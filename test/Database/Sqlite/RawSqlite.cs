using Microsoft.Data.Sqlite;

namespace Rp.Database.Tests.Sqlite;

/// <summary>Reads a database file behind the store's back, to check what it really holds.</summary>
internal static class RawSqlite
{
    public static async Task<List<string>> QueryStringsAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }
}
