using Newtonsoft.Json.Linq;
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

    /// <summary>
    /// Top-level fields that the store itself adds to every document it returns (Cosmos DB's system
    /// properties). They arrive among a document's unknown fields, are written back with them, and
    /// are left out when a test compares the unknown fields it wrote with those it reads.
    /// </summary>
    protected virtual IReadOnlySet<string> StoreFields { get; } = new HashSet<string>();

    public async Task InitializeAsync() => database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected abstract Task<IDatabaseUnderTest> CreateDatabaseAsync();

    /// <summary>The unknown fields of a document read back, as JSON, without the <see cref="StoreFields"/>.</summary>
    protected string UnknownFieldsJson(IDictionary<string, JToken>? fields) =>
        TestDocuments.Json(fields?.Where(f => !StoreFields.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value));
}
