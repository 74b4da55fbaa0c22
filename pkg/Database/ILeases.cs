using Rp.Database.Documents;

namespace Rp.Database;

/// <summary>The <c>Leases</c> container: leader leases and change-feed checkpoints. Id and partition key: the lease name.</summary>
public interface ILeases
{
    Task<LeaseDocument?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<LeaseDocument> CreateAsync(LeaseDocument document, CancellationToken cancellationToken = default);

    Task<LeaseDocument> ReplaceAsync(LeaseDocument document, CancellationToken cancellationToken = default);
}
