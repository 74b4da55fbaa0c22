using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database.Serialization;
using Rp.Database.Sqlite;
using Rp.Database.Tests.Conformance;
using Rp.Env;
using Xunit;

namespace Rp.Database.Tests.Sqlite;

public sealed class SqliteOpenShiftClustersTests : OpenShiftClustersConformanceTests
{
    private SqliteDatabaseUnderTest Sqlite => (SqliteDatabaseUnderTest)Database;

    protected override Task<IDatabaseUnderTest> CreateDatabaseAsync() =>
        Task.FromResult<IDatabaseUnderTest>(SqliteDatabaseUnderTest.CreateTemporary());

    [Fact]
    public async Task ListAsync_LastPageExactlyFull_HasNoContinuation()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        for (var i = 0; i < 4; i++)
        {
            await Sqlite.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(subscription));
        }

        var pages = await ListAllPagesAsync(subscription, ResourceId.SubscriptionPrefix(subscription), maxItems: 2);

        pages.Select(p => p.Count).Should().Equal(2, 2);
    }

    [Fact]
    public async Task ReadChangeFeedAsync_NothingNew_ReturnsTheSameContinuation()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        await Sqlite.OpenShiftClusters.CreateAsync(TestDocuments.Cluster(subscription));
        var first = await Sqlite.OpenShiftClusters.ReadChangeFeedAsync(null, 10);

        var again = await Sqlite.OpenShiftClusters.ReadChangeFeedAsync(first.Continuation, 10);

        first.Items.Should().ContainSingle();
        again.Items.Should().BeEmpty();
        again.Continuation.Should().Be(first.Continuation);
    }

    [Fact]
    public async Task ReadChangeFeedAsync_ForeignContinuation_ThrowsArgumentException()
    {
        var act = () => Sqlite.OpenShiftClusters.ReadChangeFeedAsync("not-a-sequence", 10);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task CreateAsync_ETagInDocument_IsNotStoredInTheBody()
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.ETag = "\"made-up\"";
        var created = await Sqlite.OpenShiftClusters.CreateAsync(doc);
        await Sqlite.OpenShiftClusters.ReplaceAsync(created);

        var bodies = await RawSqlite.QueryStringsAsync(Sqlite.DatabasePath, "SELECT body FROM OpenShiftClusters");

        bodies.Should().ContainSingle().Which.Should().Contain(doc.Key).And.NotContain("_etag");
    }

    [Fact]
    public async Task AddRpSqliteDatabase_SqlitePathSet_UsesThatFile()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "elsewhere", "custom.db");
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(new DatabaseOptions { SqlitePath = path }))
            .AddSingleton(Options.Create(new RpOptions { DataDir = Path.Combine(directory.Path, "data") }))
            .AddSingleton<ISecretProtector>(_ => new AesGcmSecretProtector([new byte[32]]))
            .AddSingleton<DocumentSerializer>()
            .AddRpSqliteDatabase()
            .BuildServiceProvider();
        await using (services)
        {
            var doc = await services.GetRequiredService<IOpenShiftClusters>().CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

            (await RawSqlite.QueryStringsAsync(path, "SELECT key FROM OpenShiftClusters")).Should().Equal(doc.Key);
            Directory.Exists(Path.Combine(directory.Path, "data")).Should().BeFalse();
        }
    }
}
