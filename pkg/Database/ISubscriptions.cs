using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>The <c>Subscriptions</c> container. Id and partition key: the lower-cased subscription id.</summary>
public interface ISubscriptions
{
    Task<SubscriptionDocument?> GetAsync(string subscriptionId, CancellationToken cancellationToken = default);

    /// <summary>The subscription, unless it is still the version <paramref name="known"/> describes (see <see cref="IOpenShiftClusters.GetIfChangedAsync"/>).</summary>
    Task<ConditionalRead<SubscriptionDocument>> GetIfChangedAsync(string subscriptionId, DocumentVersion? known, CancellationToken cancellationToken = default);

    Task<SubscriptionDocument> CreateAsync(SubscriptionDocument document, CancellationToken cancellationToken = default);

    Task<SubscriptionDocument> ReplaceAsync(SubscriptionDocument document, CancellationToken cancellationToken = default);

    /// <summary>Every subscription, without a cross-partition query (the distributed store reads its change feed).</summary>
    Task<IReadOnlyList<SubscriptionDocument>> ListAllAsync(CancellationToken cancellationToken = default);
}
