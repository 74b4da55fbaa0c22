namespace Rp.Database.Cosmos;

/// <summary>The Cosmos DB account that holds the documents (section <c>Cosmos</c>).</summary>
public sealed class CosmosOptions
{
    public const string SectionName = "Cosmos";

    /// <summary>The account endpoint, e.g. <c>https://myaccount.documents.azure.com:443/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The account key. Without one, the process authenticates with its Azure identity (managed identity in Azure).</summary>
    public string? Key { get; set; }

    public string DatabaseName { get; set; } = "rp";

    /// <summary>Creates the database and its containers on first use; deployments that provision them leave it off.</summary>
    public bool CreateIfNotExists { get; set; }

    /// <summary>Trusts any TLS certificate the endpoint presents: only for a local emulator with a self-signed one.</summary>
    public bool AcceptAnyServerCertificate { get; set; }

    /// <summary>How often a request throttled with 429 is retried before the caller sees the error.</summary>
    public int MaxRetryAttemptsOnRateLimitedRequests { get; set; } = 9;

    /// <summary>The longest a request keeps retrying while throttled.</summary>
    public TimeSpan MaxRetryWaitTimeOnRateLimitedRequests { get; set; } = TimeSpan.FromSeconds(30);
}
