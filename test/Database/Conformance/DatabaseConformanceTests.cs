using Xunit;

namespace Rp.Database.Tests.Conformance;

/// <summary>
/// Base of the per-container conformance suites: each test gets the database from
/// <see cref="CreateDatabaseAsync"/>. Tests use fresh ids, so an implementation may share one
/// database between tests.
/// </summary>
public abstract class DatabaseConformanceTests : IAsyncLifetime
{
    private IDatabaseUnderTest? database;

    protected IDatabaseUnderTest Database => database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync() => database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected abstract Task<IDatabaseUnderTest> CreateDatabaseAsync();
}
