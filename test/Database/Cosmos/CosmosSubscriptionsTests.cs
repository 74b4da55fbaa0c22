using FluentAssertions;
using Rp.Database.Documents;
using Rp.Database.Tests.Emulators;
using Xunit;

namespace Rp.Database.Tests.Cosmos;

[Collection(EmulatorsCollection.Name)]
public sealed class CosmosSubscriptionsTests(EmulatorsFixture emulators) : IAsyncLifetime
{
    private CosmosTestDatabase test = null!;

    private ISubscriptions Subscriptions => test.Database.Subscriptions;

    public async Task InitializeAsync() => test = await CosmosTestDatabase.CreateAsync(emulators);

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task GetAsync_CreatedThenReplaced_ReturnsLatestState()
    {
        var created = await Subscriptions.CreateAsync(Subscription("00000000-0000-0000-0000-000000000001"));
        created.Subscription.State = SubscriptionStates.Suspended;
        var replaced = await Subscriptions.ReplaceAsync(created);

        var read = await Subscriptions.GetAsync(created.Id);

        read!.Subscription.State.Should().Be(SubscriptionStates.Suspended);
        read.ETag.Should().Be(replaced.ETag).And.NotBe(created.ETag);
        (await Subscriptions.GetAsync("00000000-0000-0000-0000-0000000000ff")).Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflict()
    {
        await Subscriptions.CreateAsync(Subscription("00000000-0000-0000-0000-000000000001"));

        var create = () => Subscriptions.CreateAsync(Subscription("00000000-0000-0000-0000-000000000001"));

        await create.Should().ThrowAsync<ConflictException>();
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailed()
    {
        var created = await Subscriptions.CreateAsync(Subscription("00000000-0000-0000-0000-000000000001"));
        var stale = (await Subscriptions.GetAsync(created.Id))!;
        await Subscriptions.ReplaceAsync(created);

        var replace = () => Subscriptions.ReplaceAsync(stale);

        await replace.Should().ThrowAsync<PreconditionFailedException>();
    }

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
