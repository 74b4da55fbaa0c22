using Microsoft.Extensions.Options;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>The state of each subscription as ARM last notified it, kept while the store confirms its document is unchanged.</summary>
internal sealed class SubscriptionStateCache(ISubscriptions subscriptions, IOptions<FrontendOptions> options) : IDisposable
{
    private readonly ValidatedCache<SubscriptionDocument, string> cache = new(subscriptions.GetIfChangedAsync, document => document.Subscription.State, options.Value.CachedDocuments);

    /// <summary>The subscription's state; null when the RP has never heard of it.</summary>
    public Task<string?> GetAsync(string subscriptionId, CancellationToken cancellationToken) => cache.GetAsync(subscriptionId, cancellationToken);

    public void Dispose() => cache.Dispose();
}
