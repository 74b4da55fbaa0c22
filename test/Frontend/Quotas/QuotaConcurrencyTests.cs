using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Database.Tests.Emulators;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Quotas;

/// <summary>
/// Concurrent creates in one subscription through the whole frontend end with exactly the limit
/// created, on both databases. (In process, SQLite's synchronous calls let few requests overlap;
/// <see cref="QuotaReservationRaceTests"/> makes the race happen every time.)
/// </summary>
[Collection(CosmosEmulatorCollection.Name)]
public sealed class QuotaConcurrencyTests(EmulatorsFixture emulators)
{
    private const int Creates = 12;

    public static TheoryData<string> Databases => new() { "Sqlite", "Cosmos" };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Put_ConcurrentCreatesInOneSubscription_ExactlyTheLimitIsCreated(string database)
    {
        await using var factory = new QuotaFactory(Settings(database));
        using var arm = factory.CreateArmClient();
        var first = ClusterRef.New();
        var body = ApiVersionCases.Of("2020-04-30").CreateBody();
        (await arm.PutSubscriptionAsync(first.SubscriptionId, "Registered")).ShouldHaveStatus(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, Creates).Select(i => Task.Run(() => arm.PutAsync(first.InGroup("rg", $"c{i:00}").Url("2020-04-30"), body))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(QuotaFactory.MaxClusters, database);
        responses.Where(r => r.StatusCode != HttpStatusCode.Created).Should().HaveCount(Creates - QuotaFactory.MaxClusters)
            .And.OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict && (string?)r.Body["error"]!["code"] == "ResourceQuotaExceeded", database);
        var listed = await arm.GetAsync($"{first.SubscriptionList}?api-version=2020-04-30");
        ((JArray)listed.Body["value"]!).Should().HaveCount(QuotaFactory.MaxClusters, $"{database}: no create overshot the limit");
    }

    private Dictionary<string, string> Settings(string database) => database switch
    {
        "Sqlite" => [],
        "Cosmos" => EmulatorSettings.Cosmos(emulators, "quota-"),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, null),
    };
}
