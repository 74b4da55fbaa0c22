namespace Rp.Queue;

public static class QueueProviders
{
    public const string Sqlite = nameof(Sqlite);
    public const string StorageQueue = nameof(StorageQueue);
}
