using System.Security.Cryptography;
using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using Rp.Database.Cosmos;
using Rp.Database.Serialization;
using Rp.Database.Tests.Conformance;
using Rp.Database.Tests.Emulators;

namespace Rp.Database.Tests.Cosmos;

/// <summary>A database of its own on the emulator for one test, deleted afterwards.</summary>
internal sealed class CosmosTestDatabase : IDatabaseUnderTest
{
    private readonly CosmosOptions options;
    private readonly DocumentSerializer serializer;
    private readonly bool owned;

    private CosmosTestDatabase(CosmosOptions options, DocumentSerializer serializer, TimeProvider timeProvider, bool owned)
    {
        this.options = options;
        this.serializer = serializer;
        this.owned = owned;
        Database = new CosmosDatabase(options, serializer, timeProvider);
        Name = options.DatabaseName;
    }

    /// <summary>What the service adds to every document it stores (the ETag aside, which has its own property).</summary>
    public static IReadOnlySet<string> SystemProperties { get; } = new HashSet<string>(StringComparer.Ordinal) { "_rid", "_self", "_ts", "_attachments" };

    public CosmosDatabase Database { get; }

    public string Name { get; }

    public IOpenShiftClusters OpenShiftClusters => Database.OpenShiftClusters;

    public ISubscriptions Subscriptions => Database.Subscriptions;

    public IAsyncOperations AsyncOperations => Database.AsyncOperations;

    public ILeases Leases => Database.Leases;

    public static async Task<CosmosTestDatabase> CreateAsync(EmulatorsFixture emulators, TimeProvider? timeProvider = null)
    {
        var test = new CosmosTestDatabase(Options(emulators, "test-" + Guid.NewGuid().ToString("N")), NewSerializer(), timeProvider ?? TimeProvider.System, owned: true);
        await test.Database.EnsureCreatedAsync();
        return test;
    }

    /// <summary>A client of its own on the same database, with the same keys.</summary>
    public IDatabaseUnderTest OpenAnotherClient() => new CosmosTestDatabase(options, serializer, TimeProvider.System, owned: false);

    public static CosmosOptions Options(EmulatorsFixture emulators, string databaseName) => new()
    {
        Endpoint = emulators.CosmosEndpoint,
        Key = emulators.CosmosKey,
        DatabaseName = databaseName,
        CreateIfNotExists = true,
        AcceptAnyServerCertificate = true,
    };

    public static DocumentSerializer NewSerializer() =>
        new(new AesGcmSecretProtector([RandomNumberGenerator.GetBytes(32)]));

    /// <summary>The document as the service stores it, read past the RP's serializer.</summary>
    public async Task<JObject> ReadRawAsync(string container, string partitionKey, string id)
    {
        using var response = await Database.Client.GetContainer(Name, container).ReadItemStreamAsync(id, new PartitionKey(partitionKey));
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(response.Content);
        return JObject.Parse(await reader.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (owned)
        {
            await Database.Client.GetDatabase(Name).DeleteAsync();
        }

        Database.Dispose();
    }
}
