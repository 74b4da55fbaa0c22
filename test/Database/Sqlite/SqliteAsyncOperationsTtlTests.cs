using FluentAssertions;
using Rp.Database.Tests.Conformance;
using Xunit;

namespace Rp.Database.Tests.Sqlite;

/// <summary>Expiry of async operations, on the store's injected clock.</summary>
public sealed class SqliteAsyncOperationsTtlTests : IAsyncLifetime
{
    private readonly ManualTimeProvider clock = new();
    private readonly SqliteDatabaseUnderTest database;

    public SqliteAsyncOperationsTtlTests()
    {
        database = SqliteDatabaseUnderTest.CreateTemporary(clock);
    }

    public static TheoryData<string, int, TimeSpan, bool> Expiries => new()
    {
        { "just before ttl", 60, TimeSpan.FromSeconds(59.999), true },
        { "at ttl", 60, TimeSpan.FromSeconds(60), false },
        { "after ttl", 60, TimeSpan.FromHours(1), false },
        { "default ttl, six days on", Documents.AsyncOperationDocument.DefaultTtlSeconds, TimeSpan.FromDays(6), true },
        { "default ttl, seven days on", Documents.AsyncOperationDocument.DefaultTtlSeconds, TimeSpan.FromDays(7), false },
        { "never expires", -1, TimeSpan.FromDays(3650), true },
    };

    public static TheoryData<string, int> InvalidTtls => new()
    {
        { "zero", 0 },
        { "negative other than -1", -2 },
    };

    private IAsyncOperations Operations => database.AsyncOperations;

    [Theory]
    [MemberData(nameof(Expiries))]
    public async Task GetAsync_AfterTime_ReturnsDocumentOnlyBeforeExpiry(string name, int ttl, TimeSpan elapsed, bool present)
    {
        var doc = TestDocuments.AsyncOperation();
        doc.Ttl = ttl;
        await Operations.CreateAsync(doc);

        clock.Advance(elapsed);
        var read = await Operations.GetAsync(doc.Id);

        (read is not null).Should().Be(present, name);
    }

    [Fact]
    public async Task ReplaceAsync_BeforeExpiry_RestartsTheTtl()
    {
        var doc = TestDocuments.AsyncOperation();
        doc.Ttl = 60;
        var created = await Operations.CreateAsync(doc);
        clock.Advance(TimeSpan.FromSeconds(50));
        await Operations.ReplaceAsync(created);

        clock.Advance(TimeSpan.FromSeconds(50));
        var stillThere = await Operations.GetAsync(doc.Id);
        clock.Advance(TimeSpan.FromSeconds(10));
        var gone = await Operations.GetAsync(doc.Id);

        stillThere.Should().NotBeNull();
        gone.Should().BeNull();
    }

    [Fact]
    public async Task ReplaceAsync_AfterExpiry_ThrowsPreconditionFailed()
    {
        var doc = TestDocuments.AsyncOperation();
        doc.Ttl = 60;
        var created = await Operations.CreateAsync(doc);
        clock.Advance(TimeSpan.FromSeconds(60));

        var act = () => Operations.ReplaceAsync(created);

        await act.Should().ThrowAsync<PreconditionFailedException>();
    }

    [Fact]
    public async Task CreateAsync_IdOfExpiredDocument_Succeeds()
    {
        var doc = TestDocuments.AsyncOperation();
        doc.Ttl = 60;
        await Operations.CreateAsync(doc);
        clock.Advance(TimeSpan.FromSeconds(61));

        var recreated = await Operations.CreateAsync(doc);

        (await Operations.GetAsync(doc.Id))!.ETag.Should().Be(recreated.ETag);
    }

    [Fact]
    public async Task CreateAsync_AfterOthersExpired_PurgesTheirRows()
    {
        var expired = TestDocuments.AsyncOperation();
        expired.Ttl = 60;
        await Operations.CreateAsync(expired);
        var longLived = await Operations.CreateAsync(TestDocuments.AsyncOperation());
        clock.Advance(TimeSpan.FromMinutes(5));

        var fresh = await Operations.CreateAsync(TestDocuments.AsyncOperation());

        (await RawSqlite.QueryStringsAsync(database.DatabasePath, "SELECT id FROM AsyncOperations"))
            .Should().BeEquivalentTo(longLived.Id, fresh.Id);
    }

    [Theory]
    [MemberData(nameof(InvalidTtls))]
    public async Task CreateAsync_InvalidTtl_ThrowsArgumentOutOfRange(string name, int ttl)
    {
        var doc = TestDocuments.AsyncOperation();
        doc.Ttl = ttl;

        var act = () => Operations.CreateAsync(doc);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>(name);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync().AsTask();
}
