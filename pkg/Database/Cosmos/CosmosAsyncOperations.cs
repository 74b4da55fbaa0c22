using Newtonsoft.Json.Linq;
using Rp.Database.Documents;

namespace Rp.Database.Cosmos;

/// <summary>
/// <see cref="IAsyncOperations"/> on Cosmos DB; partitioned by id. The service deletes a document
/// <c>ttl</c> seconds after its last write (<c>_ts</c>), but only eventually: a read in between
/// treats it as gone already, so expiry is exact whatever the service's backlog.
/// </summary>
internal sealed class CosmosAsyncOperations(CosmosDatabase database, TimeProvider timeProvider) : IAsyncOperations
{
    private readonly CosmosDocuments<AsyncOperationDocument> documents = new(database, CosmosContainers.AsyncOperations);

    public async Task<AsyncOperationDocument?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var document = await documents.ReadAsync(id, id, cancellationToken).ConfigureAwait(false);
        return document is null || IsExpired(document) ? null : document;
    }

    public Task<AsyncOperationDocument> CreateAsync(AsyncOperationDocument document, CancellationToken cancellationToken = default) =>
        documents.CreateAsync(document, document.Id, cancellationToken);

    public Task<AsyncOperationDocument> ReplaceAsync(AsyncOperationDocument document, CancellationToken cancellationToken = default) =>
        documents.ReplaceAsync(document, document.Id, cancellationToken);

    private bool IsExpired(AsyncOperationDocument document)
    {
        if (document.Ttl <= 0 || document.ExtensionData is null || !document.ExtensionData.TryGetValue("_ts", out var ts) || ts.Type != JTokenType.Integer)
        {
            return false;
        }

        var lastWrite = DateTimeOffset.FromUnixTimeSeconds(ts.Value<long>());
        return timeProvider.GetUtcNow() >= lastWrite.AddSeconds(document.Ttl);
    }
}
