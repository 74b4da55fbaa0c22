using FluentAssertions;
using Xunit;

namespace Rp.Database.Tests.Conformance;

/// <summary>What every implementation of <see cref="ILeases"/> must do.</summary>
public abstract class LeasesConformanceTests : DatabaseConformanceTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private ILeases Leases => Database.Leases;

    [Fact]
    public async Task CreateAsync_NewLease_ReadableWithETag()
    {
        var doc = TestDocuments.Lease();
        doc.Owner = "forwarder-1";
        doc.Expires = Now.AddSeconds(30);
        doc.Continuation = "42";

        var created = await Leases.CreateAsync(doc);
        var read = await Leases.GetAsync(doc.Id);

        created.ETag.Should().NotBeNullOrEmpty();
        read.Should().BeEquivalentTo(created);
        (read!.Owner, read.Expires, read.Continuation).Should().Be(("forwarder-1", Now.AddSeconds(30), "42"));
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        (await Leases.GetAsync(TestDocuments.Lease().Id)).Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflictAndKeepsOriginal()
    {
        var first = TestDocuments.Lease();
        first.Owner = "first";
        var created = await Leases.CreateAsync(first);
        var second = TestDocuments.Lease(first.Id);
        second.Owner = "second";

        var act = () => Leases.CreateAsync(second);

        await act.Should().ThrowAsync<ConflictException>();
        (await Leases.GetAsync(first.Id))!.Owner.Should().Be("first");
        (await Leases.GetAsync(first.Id))!.ETag.Should().Be(created.ETag);
    }

    [Fact]
    public async Task ReplaceAsync_FreshETag_StoresChangeWithNewETag()
    {
        var created = await Leases.CreateAsync(TestDocuments.Lease());
        created.Owner = "forwarder-2";
        created.Expires = Now.AddMinutes(1);

        var replaced = await Leases.ReplaceAsync(created);

        replaced.ETag.Should().NotBe(created.ETag);
        (await Leases.GetAsync(created.Id)).Should().BeEquivalentTo(replaced);
        replaced.Owner.Should().Be("forwarder-2");
    }

    [Fact]
    public async Task ReplaceAsync_TwoOwnersRacing_OnlyOneWins()
    {
        var created = await Leases.CreateAsync(TestDocuments.Lease());
        var mine = await Leases.GetAsync(created.Id);
        var theirs = await Leases.GetAsync(created.Id);
        mine!.Owner = "me";
        theirs!.Owner = "them";

        await Leases.ReplaceAsync(mine);
        var act = () => Leases.ReplaceAsync(theirs);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Leases.GetAsync(created.Id))!.Owner.Should().Be("me");
    }

    [Fact]
    public async Task ReplaceAsync_UnknownFields_SurviveRoundTrips()
    {
        var doc = TestDocuments.Lease();
        doc.ExtensionData = TestDocuments.UnknownFields("top");

        var created = await Leases.CreateAsync(doc);
        await Leases.ReplaceAsync(created);
        var read = await Leases.GetAsync(doc.Id);

        UnknownFieldsJson(read!.ExtensionData).Should().Be(TestDocuments.Json(doc.ExtensionData));
    }
}
