using Azure.Core;

namespace Rp.Queue.StorageQueue;

/// <summary>Azure.Core's pipeline settings (retries, diagnostics) for <see cref="StorageWorkQueue"/>; the defaults serve.</summary>
internal sealed class StorageQueueClientOptions : ClientOptions
{
}
