namespace Rp.Database;

public static class DatabaseProviders
{
    public const string Sqlite = nameof(Sqlite);
    public const string Cosmos = nameof(Cosmos);
}
