using Microsoft.Extensions.Caching.Memory;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>
/// What the frontend makes of documents (a rendered response, a subscription's state), kept per
/// document and used only after the store confirmed that the document is still the version it was
/// made from: each lookup is a conditional read (<see cref="ConditionalRead{T}"/>), which the
/// store answers without reading or decoding the document while it has not changed, whoever
/// writes to the store (this process, another process, an operator). Bounded in entries.
/// </summary>
internal sealed class ValidatedCache<TDocument, TValue>(
    Func<string, DocumentVersion?, CancellationToken, Task<ConditionalRead<TDocument>>> read,
    Func<TDocument, TValue> make,
    int capacity) : IDisposable
    where TDocument : Document
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = capacity });

    /// <summary>The value made from the document's current version; null when the document does not exist.</summary>
    public async Task<TValue?> GetAsync(string id, CancellationToken cancellationToken)
    {
        entries.TryGetValue(id, out Entry? cached);
        var current = await read(id, cached?.Version, cancellationToken).ConfigureAwait(false);
        if (current.NotModified && cached is not null)
        {
            // Confirmed as of a later mark: the next lookup may not even need the store's query.
            if (current.Version != cached.Version)
            {
                Set(id, cached with { Version = current.Version! });
            }

            return cached.Value;
        }

        if (current.Document is null)
        {
            entries.Remove(id);
            return default;
        }

        var value = make(current.Document);
        Set(id, new Entry(current.Version!, value));
        return value;
    }

    public void Dispose() => entries.Dispose();

    private void Set(string id, Entry entry) => entries.Set(id, entry, new MemoryCacheEntryOptions { Size = 1 });

    private sealed record Entry(DocumentVersion Version, TValue Value);
}
