using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// Everything the embedded stores of a data directory hold (every row of every table of
/// <c>rp.db</c> and <c>queue.db</c>: documents, operations, subscriptions, leases, queue messages),
/// read behind the RP's back. Two equal snapshots mean nothing was written in between.
/// </summary>
public sealed record StoreSnapshot(string Rows, string Digest)
{
    private static readonly string[] Files = ["rp.db", "queue.db"];

    public static async Task<StoreSnapshot> TakeAsync(string dataDir)
    {
        var rows = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files.Select(f => Path.Combine(dataDir, f)).Where(File.Exists))
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            foreach (var table in await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
            {
                var contents = await QueryAsync(connection, $"SELECT * FROM \"{table[0]}\" ORDER BY 1, 2");
                rows[$"{Path.GetFileName(file)}/{table[0]}"] = contents.Count;
                foreach (var row in contents)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes($"{table[0]}\u0001{string.Join('\u0002', row)}\u0003"));
                }
            }
        }

        return new StoreSnapshot(string.Join(", ", rows.Select(r => $"{r.Key}={r.Value}")), Convert.ToHexString(hash.GetHashAndReset()));
    }

    public override string ToString() => $"{Rows} ({Digest[..12]})";

    private static async Task<List<string[]>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string[]>();
        while (await reader.ReadAsync())
        {
            result.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "\u0000" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return result;
    }
}
