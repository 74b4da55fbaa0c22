using System.Net.Security;
using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rp.Database.Serialization;
using Rp.Env;

namespace Rp.Database.Cosmos;

/// <summary>
/// The Cosmos DB database of the RP: one client for the process and the four containers' ports.
/// With <see cref="CosmosOptions.CreateIfNotExists"/>, the database and containers are created
/// on first use (a failed attempt is retried by the next call).
/// </summary>
public sealed partial class CosmosDatabase : IDisposable
{
    private readonly CosmosClient client;
    private readonly CosmosOptions options;
    private readonly ILogger<CosmosDatabase> logger;
    private readonly SemaphoreSlim createLock = new(1, 1);
    private volatile bool created;

    /// <param name="options">Endpoint, key or identity, database name.</param>
    /// <param name="serializer">The documents' JSON form (it encrypts secrets).</param>
    /// <param name="timeProvider">The clock against which async operations expire.</param>
    /// <param name="credential">The identity used when <see cref="CosmosOptions.Key"/> is not set; <see cref="DefaultAzureCredential"/> if null.</param>
    /// <param name="logger">Where the creation of the database is reported.</param>
    /// <param name="signals">The process's wake-ups, which cluster writes notify; none when null.</param>
    public CosmosDatabase(CosmosOptions options, DocumentSerializer serializer, TimeProvider timeProvider, TokenCredential? credential = null, ILogger<CosmosDatabase>? logger = null, PollSignals? signals = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            throw new InvalidOperationException($"{CosmosOptions.SectionName}:{nameof(CosmosOptions.Endpoint)} is not configured.");
        }

        this.options = options;
        this.logger = logger ?? NullLogger<CosmosDatabase>.Instance;

        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "rp",
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            Serializer = new CosmosDocumentSerializer(serializer),
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnRateLimitedRequests,
            MaxRetryWaitTimeOnRateLimitedRequests = options.MaxRetryWaitTimeOnRateLimitedRequests,
            CustomHandlers = { new CosmosMetricsHandler() },
        };
        if (options.AcceptAnyServerCertificate)
        {
            clientOptions.HttpClientFactory = static () => new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
            });
        }

        client = string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(options.Endpoint, credential ?? new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(options.Endpoint, options.Key, clientOptions);

        OpenShiftClusters = new CosmosOpenShiftClusters(this, signals);
        Subscriptions = new CosmosSubscriptions(this);
        AsyncOperations = new CosmosAsyncOperations(this, timeProvider);
        Leases = new CosmosLeases(this);
    }

    public IOpenShiftClusters OpenShiftClusters { get; }

    public ISubscriptions Subscriptions { get; }

    public IAsyncOperations AsyncOperations { get; }

    public ILeases Leases { get; }

    /// <summary>The underlying client, for reading documents as the service stores them.</summary>
    internal CosmosClient Client => client;

    /// <summary>Creates the database and its containers if <see cref="CosmosOptions.CreateIfNotExists"/> is set and they do not exist.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (created || !options.CreateIfNotExists)
        {
            return;
        }

        await createLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (created)
            {
                return;
            }

            var response = await client.CreateDatabaseIfNotExistsAsync(options.DatabaseName, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var properties in CosmosContainers.All())
            {
                await response.Database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            created = true;
            LogReady(options.DatabaseName);
        }
        finally
        {
            createLock.Release();
        }
    }

    public void Dispose()
    {
        client.Dispose();
        createLock.Dispose();
    }

    internal async ValueTask<Container> GetContainerAsync(string name, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return client.GetContainer(options.DatabaseName, name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cosmos DB database {DatabaseName} and its containers exist")]
    private partial void LogReady(string databaseName);
}
