using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>
/// The <c>AsyncOperations</c> container. Id and partition key: the operation id. A document
/// expires <c>ttl</c> seconds after its last write and is not returned after that.
/// </summary>
public interface IAsyncOperations
{
    Task<AsyncOperationDocument?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<AsyncOperationDocument> CreateAsync(AsyncOperationDocument document, CancellationToken cancellationToken = default);

    Task<AsyncOperationDocument> ReplaceAsync(AsyncOperationDocument document, CancellationToken cancellationToken = default);
}
