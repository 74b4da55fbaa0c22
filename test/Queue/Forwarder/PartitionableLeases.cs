using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Queue.Tests.Forwarder;

/// <summary>The leases container as a forwarder cut off from it sees it once <see cref="Partition"/> is called: every call fails.</summary>
internal sealed class PartitionableLeases(ILeases inner) : ILeases
{
    private volatile bool partitioned;

    public void Partition() => partitioned = true;

    public Task<LeaseDocument?> GetAsync(string id, CancellationToken cancellationToken = default) => Reachable().GetAsync(id, cancellationToken);

    public Task<LeaseDocument> CreateAsync(LeaseDocument document, CancellationToken cancellationToken = default) => Reachable().CreateAsync(document, cancellationToken);

    public Task<LeaseDocument> ReplaceAsync(LeaseDocument document, CancellationToken cancellationToken = default) => Reachable().ReplaceAsync(document, cancellationToken);

    private ILeases Reachable() => partitioned ? throw new IOException("The database cannot be reached.") : inner;
}
