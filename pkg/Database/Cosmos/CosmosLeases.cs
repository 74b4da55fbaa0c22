using Rp.Database.Documents;

namespace Rp.Database.Cosmos;

/// <summary><see cref="ILeases"/> on Cosmos DB; partitioned by id (the lease name).</summary>
internal sealed class CosmosLeases(CosmosDatabase database) : ILeases
{
    private readonly CosmosDocuments<LeaseDocument> documents = new(database, CosmosContainers.Leases);

    public Task<LeaseDocument?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        documents.ReadAsync(id, id, cancellationToken);

    public Task<LeaseDocument> CreateAsync(LeaseDocument document, CancellationToken cancellationToken = default) =>
        documents.CreateAsync(document, document.Id, cancellationToken);

    public Task<LeaseDocument> ReplaceAsync(LeaseDocument document, CancellationToken cancellationToken = default) =>
        documents.ReplaceAsync(document, document.Id, cancellationToken);
}
