using FluentAssertions;
using Rp.Database.Documents;
using Rp.Database.Tests.Conformance;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosSubscriptionsTests(EmulatorsFixture emulators) : SubscriptionsConformanceTests
{
    private ISubscriptions Subscriptions => Database.Subscriptions;

    protected override async Task<IDatabaseUnderTest> CreateDatabaseAsync() => await CosmosTestDatabase.CreateAsync(emulators);

    protected override IReadOnlySet<string> StoreFields => CosmosTestDatabase.SystemProperties;

    [Fact]
    public async Task ListAllAsync_ManyPartitions_ReturnsLatestVersionOfEach()
    {
        var ids = Enumerable.Range(1, 120).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToList();
        foreach (var id in ids)
        {
            await Subscriptions.CreateAsync(Subscription(id));
        }

        var first = (await Subscriptions.GetAsync(ids[0]))!;
        first.Subscription.State = SubscriptionStates.Warned;
        await Subscriptions.ReplaceAsync(first);

        var all = await Subscriptions.ListAllAsync();

        all.Select(s => s.Id).Should().BeEquivalentTo(ids);
        all.Single(s => s.Id == ids[0]).Subscription.State.Should().Be(SubscriptionStates.Warned);
    }

    private static SubscriptionDocument Subscription(string id) => new()
    {
        Id = id,
        PartitionKey = id,
        Subscription = new Subscription { State = SubscriptionStates.Registered, Properties = new SubscriptionProperties { TenantId = "tenant" } },
    };
}
