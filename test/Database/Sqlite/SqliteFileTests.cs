using FluentAssertions;
using Microsoft.Data.Sqlite;
using Rp.Database.Sqlite;
using Xunit;

namespace Rp.Database.Tests.Sqlite;

/// <summary>
/// One file's writes go through one writer that runs the writes waiting at the same time in one
/// transaction, each in a savepoint of its own; its data version tells whether anything was
/// committed since.
/// </summary>
public sealed class SqliteFileTests : IDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS Items (id INTEGER PRIMARY KEY, value TEXT NOT NULL);";
    private const string InsertSql = "INSERT INTO Items (id, value) VALUES (@id, 'item')";

    private readonly TempDirectory directory = new();

    private string FilePath => Path.Combine(directory.Path, "items.db");

    public static TheoryData<string, Func<SqliteConnection, CancellationToken, Task>> Failures => new()
    {
        { "it throws after its statements", (_, _) => throw new InvalidOperationException("failed after its insert") },
        { "one of its statements violates a constraint", (c, ct) => SqliteFile.ExecuteAsync(c, InsertSql, p => p.AddWithValue("@id", 0), ct) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task WriteAsync_ManyAtOnceOneFailing_OnlyItsChangesAreUndone(string name, Func<SqliteConnection, CancellationToken, Task> failure)
    {
        using var file = new SqliteFile(FilePath, Schema);
        await file.WriteAsync((c, ct) => SqliteFile.ExecuteAsync(c, InsertSql, p => p.AddWithValue("@id", 0), ct));

        var writes = Enumerable.Range(1, 40).Select(i => Task.Run(() => file.WriteAsync(async (c, ct) =>
        {
            await SqliteFile.ExecuteAsync(c, InsertSql, p => p.AddWithValue("@id", i), ct);
            if (i == 13)
            {
                await failure(c, ct);
            }

            return i;
        }))).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (Exception e) when (e is InvalidOperationException or SqliteException)
            {
                return -1;
            }
        }));

        int[] expected = [.. Enumerable.Range(1, 12), -1, .. Enumerable.Range(14, 27)];
        outcomes.Should().Equal(expected, name);
        int[] stored = [.. Enumerable.Range(0, 13), .. Enumerable.Range(14, 27)];
        (await RawSqlite.QueryStringsAsync(FilePath, "SELECT id FROM Items ORDER BY id")).Should()
            .Equal(stored.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), name);
    }

    [Fact]
    public async Task WriteAsync_CanceledBeforeItRuns_ThrowsAndWritesNothing()
    {
        using var file = new SqliteFile(FilePath, Schema);
        await file.EnsureCreatedAsync();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        var act = () => file.WriteAsync((c, ct) => SqliteFile.ExecuteAsync(c, InsertSql, p => p.AddWithValue("@id", 1), ct), canceled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await RawSqlite.QueryStringsAsync(FilePath, "SELECT COUNT(*) FROM Items")).Should().Equal("0");
    }

    [Theory]
    [InlineData("this file's writer", false)]
    [InlineData("another process's", true)]
    public async Task DataVersion_CommitBy_Moves(string name, bool otherProcess)
    {
        using var file = new SqliteFile(FilePath, Schema);
        using var other = new SqliteFile(FilePath, Schema);
        await file.EnsureCreatedAsync();
        var before = file.DataVersion();

        await (otherProcess ? other : file).WriteAsync((c, ct) => SqliteFile.ExecuteAsync(c, InsertSql, p => p.AddWithValue("@id", 1), ct));

        file.DataVersion().Should().NotBe(before, name);
    }

    [Fact]
    public async Task DataVersion_NothingCommitted_Stays()
    {
        using var file = new SqliteFile(FilePath, Schema);
        await file.WriteAsync((c, ct) => SqliteFile.ExecuteAsync(c, InsertSql, p => p.AddWithValue("@id", 1), ct));
        var before = file.DataVersion();

        await file.ReadAsync((c, ct) => SqliteFile.Command(c, "SELECT COUNT(*) FROM Items").ExecuteScalarAsync(ct));

        file.DataVersion().Should().Be(before);
    }

    public void Dispose() => directory.Dispose();
}
