using System.Net;
using Microsoft.Azure.Cosmos;
using Rp.Database.Documents;

namespace Rp.Database.Cosmos;

/// <summary>
/// The operations every container shares: point reads, conditional writes, single-partition
/// queries and the change feed, with the service's errors turned into the database port's.
/// </summary>
internal sealed class CosmosDocuments<T>(CosmosDatabase database, string containerName)
    where T : Document
{
    public async Task<T?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken)
    {
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await container.ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return WithETag(response);
        }
        catch (CosmosException e) when (IsDocumentNotFound(e))
        {
            return null;
        }
    }

    /// <summary>
    /// A point read that the service answers 304 Not Modified, without the body, while the
    /// document's ETag is still <paramref name="etag"/>; null when the document does not exist.
    /// </summary>
    public async Task<(bool NotModified, T? Document)> ReadIfNoneMatchAsync(string partitionKey, string id, string etag, CancellationToken cancellationToken)
    {
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), new ItemRequestOptions { IfNoneMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotModified:
                return (true, null);
            case HttpStatusCode.NotFound when response.Headers["x-ms-substatus"] is null or "0":
                return (false, null);
        }

        response.EnsureSuccessStatusCode();
        var document = database.Client.ClientOptions.Serializer.FromStream<T>(response.Content);
        document.ETag = response.Headers.ETag;
        return (false, document);
    }

    public async Task<T> CreateAsync(T document, string partitionKey, CancellationToken cancellationToken)
    {
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await container.CreateItemAsync(document, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return WithETag(response);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConflictException($"{containerName}: a document with id '{document.Id}' or the same unique key exists.", e);
        }
    }

    public async Task<T> ReplaceAsync(T document, string partitionKey, CancellationToken cancellationToken)
    {
        var options = ConditionalOn(document, "replace");
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await container.ReplaceItemAsync(document, document.Id, new PartitionKey(partitionKey), options, cancellationToken).ConfigureAwait(false);
            return WithETag(response);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed || IsDocumentNotFound(e))
        {
            throw new PreconditionFailedException($"{containerName}: document '{document.Id}' changed or went away since it was read.", e);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ConflictException($"{containerName}: another document has the unique key of '{document.Id}'.", e);
        }
    }

    public async Task DeleteAsync(T document, string partitionKey, CancellationToken cancellationToken)
    {
        var options = ConditionalOn(document, "delete");
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        try
        {
            await container.DeleteItemAsync<T>(document.Id, new PartitionKey(partitionKey), options, cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed || IsDocumentNotFound(e))
        {
            throw new PreconditionFailedException($"{containerName}: document '{document.Id}' changed or went away since it was read.", e);
        }
    }

    /// <summary>
    /// Every result of a query that filters on <paramref name="partitionKey"/>, run in that
    /// partition only. A query known to return at most <paramref name="top"/> documents is asked for
    /// all of them in one page and sent straight to the partition (optimistic direct execution): a
    /// single-partition query needs no query plan from the gateway, one round trip fewer.
    /// </summary>
    public async Task<List<T>> QueryAsync(QueryDefinition query, string partitionKey, CancellationToken cancellationToken, int? top = null)
    {
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey), MaxItemCount = top, EnableOptimisticDirectExecution = top is not null };
        var results = new List<T>();
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            results.AddRange(page);
        }

        return results;
    }

    /// <summary>
    /// The next page of changes after <paramref name="continuation"/> (null: from the beginning):
    /// the latest version of each document, in write order, up to about <paramref name="maxItems"/>;
    /// empty when nothing changed (the SDK answers 304 only once every partition is drained). The
    /// items' ETags come from their bodies, which is where the change feed carries them.
    /// </summary>
    public async Task<ChangeFeedPage<T>> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        var container = await database.GetContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
        var start = continuation is null ? ChangeFeedStartFrom.Beginning() : ChangeFeedStartFrom.ContinuationToken(continuation);
        using var iterator = container.GetChangeFeedIterator<T>(start, ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = maxItems });
        var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
        return new ChangeFeedPage<T>(page.ToList(), page.ContinuationToken);
    }

    // A missing database or container is also a 404, with a sub-status: that one is a deployment error to surface.
    private static bool IsDocumentNotFound(CosmosException e) => e.StatusCode == HttpStatusCode.NotFound && e.SubStatusCode == 0;

    // A missing ETag is the caller's bug, not a lost race: PreconditionFailedException would have
    // the retry helper read and write again, as if an unconditional write were ever intended.
    private static ItemRequestOptions ConditionalOn(T document, string operation) =>
        document.ETag is { Length: > 0 } etag
            ? new ItemRequestOptions { IfMatchEtag = etag }
            : throw new ArgumentException($"Cannot {operation} document '{document.Id}' without the ETag it was read with.", nameof(document));

    private static T WithETag(ItemResponse<T> response)
    {
        var document = response.Resource;
        document.ETag = response.ETag;
        return document;
    }
}
