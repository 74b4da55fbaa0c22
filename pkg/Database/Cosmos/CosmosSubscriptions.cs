using Rp.Database.Documents;

namespace Rp.Database.Cosmos;

/// <summary><see cref="ISubscriptions"/> on Cosmos DB; partitioned by id.</summary>
internal sealed class CosmosSubscriptions(CosmosDatabase database) : ISubscriptions
{
    private const int ChangeFeedPageSize = 100;

    private readonly CosmosDocuments<SubscriptionDocument> documents = new(database, CosmosContainers.Subscriptions);

    public Task<SubscriptionDocument?> GetAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        documents.ReadAsync(subscriptionId, subscriptionId, cancellationToken);

    /// <remarks>A point read with <c>If-None-Match</c>: 304, without the body, while it is unchanged.</remarks>
    public async Task<ConditionalRead<SubscriptionDocument>> GetIfChangedAsync(string subscriptionId, DocumentVersion? known, CancellationToken cancellationToken = default)
    {
        if (known is null)
        {
            var document = await GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
            return document is null
                ? ConditionalRead<SubscriptionDocument>.Missing
                : new ConditionalRead<SubscriptionDocument>(document, new DocumentVersion(document.Id, document.ETag!, 0));
        }

        var (notModified, current) = await documents.ReadIfNoneMatchAsync(subscriptionId, subscriptionId, known.ETag, cancellationToken).ConfigureAwait(false);
        if (notModified)
        {
            return ConditionalRead<SubscriptionDocument>.Unchanged(known);
        }

        return current is null
            ? ConditionalRead<SubscriptionDocument>.Missing
            : new ConditionalRead<SubscriptionDocument>(current, new DocumentVersion(current.Id, current.ETag!, 0));
    }

    public Task<SubscriptionDocument> CreateAsync(SubscriptionDocument document, CancellationToken cancellationToken = default) =>
        documents.CreateAsync(document, document.Id, cancellationToken);

    public Task<SubscriptionDocument> ReplaceAsync(SubscriptionDocument document, CancellationToken cancellationToken = default) =>
        documents.ReplaceAsync(document, document.Id, cancellationToken);

    /// <summary>
    /// Reads the container's change feed from the beginning: it holds the latest version of every
    /// document (subscriptions are never deleted) and, unlike a query, spans all partitions.
    /// </summary>
    public async Task<IReadOnlyList<SubscriptionDocument>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        // A subscription written while this reads shows up again in a later page: keep its last version.
        var byId = new Dictionary<string, SubscriptionDocument>(StringComparer.Ordinal);
        string? continuation = null;
        while (true)
        {
            var page = await documents.ReadChangeFeedAsync(continuation, ChangeFeedPageSize, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0)
            {
                return [.. byId.Values];
            }

            foreach (var document in page.Items)
            {
                byId[document.Id] = document;
            }

            continuation = page.Continuation;
        }
    }
}
