using Rp.Database.Tests.Conformance;

namespace Rp.Database.Tests.Sqlite;

public sealed class SqliteAsyncOperationsTests : AsyncOperationsConformanceTests
{
    protected override Task<IDatabaseUnderTest> CreateDatabaseAsync() =>
        Task.FromResult<IDatabaseUnderTest>(SqliteDatabaseUnderTest.CreateTemporary());
}
