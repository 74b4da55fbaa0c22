using System.Net;
using System.Reflection;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Rp.Api;
using Rp.Frontend.Tests.Harness;
using Rp.Frontend.Tests.Traffic;

namespace Rp.Frontend.Tests.Fuzz;

/// <summary>
/// Sends fuzzed cases to the frontend on Kestrel and checks what every answer must keep: never a
/// 5xx; every 4xx a CloudError (checked on every response by <see cref="ArmInvariants"/>) with a
/// code of the RP's one list; a refused request changes nothing in the stores (their data version,
/// which every commit of another connection moves, is the same before and after); an accepted one
/// has a status its operation declares, and a valid one is accepted. Exchanges are recorded for
/// <c>oav validate-traffic</c> when <c>RP_TRAFFIC_DIR</c> is set: valid ones there, mutated ones in
/// <c>RP_TRAFFIC_DIR-mutated</c> (whose requests the RP may refuse or tolerate, so only the answers
/// are judged): the first <see cref="RecordedInFull"/> of each, then ever fewer (the nth of every
/// <c>1 + n / RecordedInFull</c>), so that a long run records a sample of all of it and oav's
/// work grows only with the logarithm of the run's length.
/// </summary>
public sealed class FuzzRunner : IAsyncDisposable
{
    public const string MutatedTrafficSuffix = "-mutated";
    public const int RecordedInFull = 1000;

    private static readonly HashSet<string> Codes = typeof(CloudErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    private readonly ArmClient setupClient;
    private readonly ArmClient validClient;
    private readonly ArmClient mutatedClient;
    private readonly SimulatedBackend backend;
    private readonly SqliteConnection store;
    private long validCases;
    private long mutatedCases;

    public FuzzRunner(KestrelFactory factory)
    {
        var traffic = Environment.GetEnvironmentVariable(TrafficRecorder.DirectoryVariable);
        setupClient = factory.CreateKestrelClient();
        validClient = factory.CreateKestrelClient(traffic is { Length: > 0 } ? new TrafficRecorder(traffic) : null);
        mutatedClient = factory.CreateKestrelClient(traffic is { Length: > 0 } ? new TrafficRecorder(traffic + MutatedTrafficSuffix) : null);
        backend = new SimulatedBackend(factory);
        store = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(factory.DataDir, "rp.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        store.Open();
    }

    /// <summary>Requests sent, setup included.</summary>
    public long Requests { get; private set; }

    /// <summary>Runs one case; throws (an assertion failure) when the RP breaks a rule.</summary>
    public async Task<HttpStatusCode> RunAsync(FuzzCase fuzzCase)
    {
        var operationId = await SetUpAsync(fuzzCase);
        var before = DataVersion();
        var response = await SendAsync(fuzzCase, operationId);
        var status = (int)response.StatusCode;
        var because = $"the answer was {response}";

        status.Should().BeLessThan(500, "no request gets a server error: {0}", because);
        if (status >= 400)
        {
            Codes.Should().Contain((string)response.Body["error"]!["code"]!, "an error's code is one of the RP's: {0}", because);
            DataVersion().Should().Be(before, "a refused request changes nothing in the stores: {0}", because);
        }
        else if (fuzzCase.Kind != MutationKind.Method)
        {
            fuzzCase.Operation.Declares(status).Should().BeTrue("{0} declares the status of what it accepts: {1}", fuzzCase.Operation, because);
        }

        if (fuzzCase.IsValid)
        {
            status.Should().BeInRange(200, 299, "a valid request is accepted: {0}", because);
        }

        if (fuzzCase.MustRefuse)
        {
            status.Should().BeInRange(400, 499, "no reading of the contract accepts this request: {0}", because);
        }

        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        setupClient.Dispose();
        validClient.Dispose();
        mutatedClient.Dispose();
        await store.DisposeAsync();
    }

    private async Task<string?> SetUpAsync(FuzzCase fuzzCase)
    {
        if (fuzzCase.Setup == FuzzSetup.None)
        {
            return null;
        }

        var cluster = fuzzCase.Cluster;
        var put = await setupClient.PutAsync(cluster.Url(fuzzCase.Operation.ApiVersion), FuzzCases.CreateExample(fuzzCase.Operation.Spec, cluster.SubscriptionId));
        Requests++;
        put.ShouldHaveStatus(HttpStatusCode.Created, $"setup of {fuzzCase.Operation}");
        if (fuzzCase.Setup == FuzzSetup.SucceededCluster)
        {
            await backend.EndOperationAsync(cluster);
        }

        return new Uri(put.Header("Azure-AsyncOperation")!).Segments[^1];
    }

    private async Task<ArmResponse> SendAsync(FuzzCase fuzzCase, string? operationId)
    {
        HttpContent? content = null;
        if (fuzzCase.Body is not null)
        {
            content = new ByteArrayContent(fuzzCase.Body);
            if (fuzzCase.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
            }
        }

        Requests++;
        var recorded = fuzzCase.IsValid ? Recorded(ref validCases) : Recorded(ref mutatedCases);
        var client = !recorded ? setupClient : fuzzCase.IsValid ? validClient : mutatedClient;
        return await client.SendAsync(new HttpMethod(fuzzCase.Method), fuzzCase.PathAndQuery(operationId), content, [.. fuzzCase.Headers]);
    }

    private static bool Recorded(ref long count)
    {
        var n = ++count;
        return n % (1 + (n / RecordedInFull)) == 0;
    }

    private long DataVersion()
    {
        using var command = store.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }
}
