namespace Rp.Database;

/// <summary>Which store holds the documents (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Cosmos</c>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>The SQLite file; defaults to <c>rp.db</c> in the data directory.</summary>
    public string? SqlitePath { get; set; }
}
