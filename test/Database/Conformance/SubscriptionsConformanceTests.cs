using FluentAssertions;
using Rp.Database.Documents;
using Xunit;

namespace Rp.Database.Tests.Conformance;

/// <summary>What every implementation of <see cref="ISubscriptions"/> must do.</summary>
public abstract class SubscriptionsConformanceTests : DatabaseConformanceTests
{
    private ISubscriptions Subscriptions => Database.Subscriptions;

    [Fact]
    public async Task CreateAsync_NewDocument_ReadableWithETag()
    {
        var doc = TestDocuments.Subscription();

        var created = await Subscriptions.CreateAsync(doc);
        var read = await Subscriptions.GetAsync(doc.Id);

        created.ETag.Should().NotBeNullOrEmpty();
        read.Should().BeEquivalentTo(created);
        read!.Subscription.Properties!.TenantId.Should().Be(doc.Subscription.Properties!.TenantId);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        (await Subscriptions.GetAsync(TestDocuments.NewSubscriptionId())).Should().BeNull();
    }

    [Fact]
    public async Task GetIfChangedAsync_Unchanged_NotModifiedWithoutTheDocument()
    {
        var created = await Subscriptions.CreateAsync(TestDocuments.Subscription());
        var first = await Subscriptions.GetIfChangedAsync(created.Id, known: null);

        var again = await Subscriptions.GetIfChangedAsync(created.Id, first.Version);

        first.Document.Should().BeEquivalentTo(created);
        again.NotModified.Should().BeTrue();
        again.Document.Should().BeNull();
        again.Version!.ETag.Should().Be(created.ETag);
    }

    [Theory]
    [InlineData("this client", false)]
    [InlineData("another client (another process)", true)]
    public async Task GetIfChangedAsync_ReplacedBy_ReturnsTheNewVersion(string name, bool otherClient)
    {
        var created = await Subscriptions.CreateAsync(TestDocuments.Subscription());
        var known = (await Subscriptions.GetIfChangedAsync(created.Id, known: null)).Version;
        await using var other = Database.OpenAnotherClient();
        created.Subscription.State = SubscriptionStates.Suspended;

        var replaced = await (otherClient ? other.Subscriptions : Subscriptions).ReplaceAsync(created);
        var read = await Subscriptions.GetIfChangedAsync(created.Id, known);

        read.NotModified.Should().BeFalse(name);
        read.Document!.Subscription.State.Should().Be(SubscriptionStates.Suspended, name);
        read.Version!.ETag.Should().Be(replaced.ETag, name);
    }

    [Fact]
    public async Task GetIfChangedAsync_Missing_ReturnsMissing()
    {
        var read = await Subscriptions.GetIfChangedAsync(TestDocuments.NewSubscriptionId(), known: null);

        read.Should().BeEquivalentTo(ConditionalRead<SubscriptionDocument>.Missing);
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflictAndKeepsOriginal()
    {
        var created = await Subscriptions.CreateAsync(TestDocuments.Subscription());
        var duplicate = TestDocuments.Subscription(created.Id);
        duplicate.Subscription.State = SubscriptionStates.Suspended;

        var act = () => Subscriptions.CreateAsync(duplicate);

        await act.Should().ThrowAsync<ConflictException>();
        (await Subscriptions.GetAsync(created.Id)).Should().BeEquivalentTo(created);
    }

    [Fact]
    public async Task ReplaceAsync_FreshETag_StoresChangeWithNewETag()
    {
        var created = await Subscriptions.CreateAsync(TestDocuments.Subscription());
        created.Subscription.State = SubscriptionStates.Warned;

        var replaced = await Subscriptions.ReplaceAsync(created);

        replaced.ETag.Should().NotBe(created.ETag);
        (await Subscriptions.GetAsync(created.Id)).Should().BeEquivalentTo(replaced);
        replaced.Subscription.State.Should().Be(SubscriptionStates.Warned);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailedAndKeepsNewer()
    {
        var created = await Subscriptions.CreateAsync(TestDocuments.Subscription());
        var newer = await Subscriptions.ReplaceAsync(created);
        created.Subscription.State = SubscriptionStates.Deleted;

        var act = () => Subscriptions.ReplaceAsync(created);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Subscriptions.GetAsync(created.Id)).Should().BeEquivalentTo(newer);
    }

    [Fact]
    public async Task ReplaceAsync_Missing_ThrowsPreconditionFailed()
    {
        var doc = TestDocuments.Subscription();
        doc.ETag = "\"never-written\"";

        var act = () => Subscriptions.ReplaceAsync(doc);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Subscriptions.GetAsync(doc.Id)).Should().BeNull();
    }

    [Fact]
    public async Task ReplaceAsync_UnknownFields_SurviveRoundTrips()
    {
        var doc = TestDocuments.Subscription();
        doc.ExtensionData = TestDocuments.UnknownFields("top");
        doc.Subscription.Properties!.ExtensionData = TestDocuments.UnknownFields("nested");

        var created = await Subscriptions.CreateAsync(doc);
        await Subscriptions.ReplaceAsync(created);
        var read = await Subscriptions.GetAsync(doc.Id);

        UnknownFieldsJson(read!.ExtensionData).Should().Be(TestDocuments.Json(doc.ExtensionData));
        TestDocuments.Json(read.Subscription.Properties!.ExtensionData).Should().Be(TestDocuments.Json(doc.Subscription.Properties.ExtensionData));
    }

    [Fact]
    public async Task ListAllAsync_SeveralSubscriptions_ReturnsEachOnceWithETag()
    {
        var created = new List<SubscriptionDocument>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await Subscriptions.CreateAsync(TestDocuments.Subscription()));
        }

        created[1] = await Subscriptions.ReplaceAsync(created[1]);

        var listed = await Subscriptions.ListAllAsync();

        var ids = created.Select(c => c.Id).ToHashSet();
        listed.Where(s => ids.Contains(s.Id)).Select(s => (s.Id, s.ETag)).Should().BeEquivalentTo(created.Select(c => (c.Id, c.ETag)));
    }
}
