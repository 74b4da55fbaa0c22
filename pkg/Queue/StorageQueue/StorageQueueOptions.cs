namespace Rp.Queue.StorageQueue;

/// <summary>
/// The Azure Storage account whose queue carries work items (section <c>StorageQueue</c>): a
/// <see cref="ConnectionString"/> with an account key, or a <see cref="QueueServiceUri"/> reached
/// with the process's Azure identity (managed identity in Azure). The queue's name is
/// <see cref="QueueOptions.Name"/>.
/// </summary>
public sealed class StorageQueueOptions
{
    public const string SectionName = "StorageQueue";

    /// <summary><c>AccountName=...;AccountKey=...</c>, with <c>QueueEndpoint=...</c> or <c>DefaultEndpointsProtocol</c>/<c>EndpointSuffix</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's queue endpoint, e.g. <c>https://myaccount.queue.core.windows.net/</c>; used when there is no connection string.</summary>
    public Uri? QueueServiceUri { get; set; }
}
