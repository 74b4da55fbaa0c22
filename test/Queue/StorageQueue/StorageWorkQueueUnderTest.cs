using Rp.Queue.StorageQueue;
using Rp.Queue.Tests.Conformance;

namespace Rp.Queue.Tests.StorageQueue;

/// <summary>A queue of its own on Azurite; the emulator's storage goes away with the emulator, so nothing is deleted.</summary>
internal sealed class StorageWorkQueueUnderTest(StorageWorkQueue queue, string name) : IWorkQueueUnderTest
{
    public IWorkQueue Queue => queue;

    public string Name => name;

    public static async Task<StorageWorkQueueUnderTest> CreateAsync(string connectionString)
    {
        var name = NewQueueName();
        var queue = new StorageWorkQueue(connectionString, name);
        await queue.CreateIfNotExistsAsync();
        return new StorageWorkQueueUnderTest(queue, name);
    }

    public static string NewQueueName() => "q" + Guid.NewGuid().ToString("N");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
