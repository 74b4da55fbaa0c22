using Microsoft.Data.Sqlite;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// Everything the RP has written to its embedded stores (every document's ETag and the queue's
/// messages), read behind its back: equal fingerprints before and after a request mean it wrote
/// nothing. Tests of one collection run one at a time, so nothing else writes in between.
/// </summary>
public static class StoreFingerprint
{
    private static readonly (string File, string Sql)[] Queries =
    [
        ("rp.db", "SELECT 'cluster ' || key || ' ' || etag FROM OpenShiftClusters"),
        ("rp.db", "SELECT 'subscription ' || id || ' ' || etag FROM Subscriptions"),
        ("rp.db", "SELECT 'operation ' || id || ' ' || etag FROM AsyncOperations"),
        ("queue.db", "SELECT 'message ' || id FROM Messages"),
    ];

    public static async Task<string> ReadAsync(RpFactory factory)
    {
        var lines = new List<string>();
        foreach (var (file, sql) in Queries)
        {
            var path = Path.Combine(factory.DataDir, file);
            if (!File.Exists(path))
            {
                continue;
            }

            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(0));
                }
            }
            catch (SqliteException) when (file == "queue.db")
            {
                // No queue table yet: nothing was ever enqueued.
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
