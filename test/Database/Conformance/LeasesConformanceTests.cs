using FluentAssertions;
using Xunit;

namespace Rp.Database.Tests.Conformance;

/// <summary>What every implementation of <see cref="ILeases"/> must do.</summary>
public abstract class LeasesConformanceTests : DatabaseConformanceTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

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

    public static TheoryData<string, bool> SlowFirstCalls => new()
    {
        { "no lease yet (create)", false },
        { "an expired lease (replace)", true },
    };

    // The scale-out test's failure: a forwarder's first call waited longer than the whole lease
    // (the database being created on a loaded machine) and stamped the lease with the time from
    // before that wait, so it was stored already expired and the standby took it 1.6 s later.
    [Theory]
    [MemberData(nameof(SlowFirstCalls))]
    public async Task LeaderLease_FirstReadSlowerThanTheLease_StoresALeaseThatIsNotExpired(string name, bool expiredLeaseExists)
    {
        var time = new ManualTimeProvider(Now);
        var leaseName = TestDocuments.Lease().Id;
        if (expiredLeaseExists)
        {
            await new LeaderLease(Leases, time, leaseName, "gone", LeaseDuration).TryAcquireOrRenewAsync();
            time.Advance(LeaseDuration * 2);
        }

        var slow = new InterleavingLeases(Leases) { BeforeGet = () => Advance(time, LeaseDuration * 2) };
        var leader = new LeaderLease(slow, time, leaseName, "leader", LeaseDuration);
        var standby = new LeaderLease(Leases, time, leaseName, "standby", LeaseDuration);

        (await leader.TryAcquireOrRenewAsync()).Should().BeTrue(name);
        var stored = await Leases.GetAsync(leaseName);

        (stored!.Owner, stored.Expires).Should().Be(("leader", time.GetUtcNow() + LeaseDuration), name);
        (await standby.TryAcquireOrRenewAsync()).Should().BeFalse($"{name}: the leader's lease has its whole duration to run");
    }

    [Fact]
    public async Task LeaderLease_WriteSlowerThanTheLease_DoesNotClaimTheLead()
    {
        var time = new ManualTimeProvider(Now);
        var slow = new InterleavingLeases(Leases) { BeforeWrite = () => Advance(time, LeaseDuration * 2) };
        var leader = new LeaderLease(slow, time, TestDocuments.Lease().Id, "leader", LeaseDuration);

        (await leader.TryAcquireOrRenewAsync()).Should().BeFalse("every write it made had expired by the time it was stored");
    }

    // The loser of a race learns from its next read whether the lease is really taken: when the
    // write that beat it freed the lease (an orderly stop), it takes the lease in the same call.
    [Fact]
    public async Task LeaderLease_LosesARaceToTheHoldersRelease_TakesTheLeaseAtOnce()
    {
        var time = new ManualTimeProvider(Now);
        var leaseName = TestDocuments.Lease().Id;
        var holder = new LeaderLease(Leases, time, leaseName, "holder", LeaseDuration);
        (await holder.TryAcquireOrRenewAsync()).Should().BeTrue();
        var released = false;
        var racing = new InterleavingLeases(Leases)
        {
            BeforeWrite = async () =>
            {
                if (!released)
                {
                    released = true;
                    await holder.ReleaseAsync();
                }
            },
        };
        var standby = new LeaderLease(racing, time, leaseName, "standby", LeaseDuration);
        time.Advance(LeaseDuration + TimeSpan.FromSeconds(1));

        (await standby.TryAcquireOrRenewAsync()).Should().BeTrue("the write it lost to freed the lease");
        (await Leases.GetAsync(leaseName))!.Owner.Should().Be("standby");
    }

    [Fact]
    public async Task LeaderLease_SaveContinuationFails_KeepsBelievingWhatIsStored()
    {
        var time = new ManualTimeProvider(Now);
        var leaseName = TestDocuments.Lease().Id;
        var failing = new InterleavingLeases(Leases);
        var leader = new LeaderLease(failing, time, leaseName, "leader", LeaseDuration);
        (await leader.TryAcquireOrRenewAsync()).Should().BeTrue();
        (await leader.SaveContinuationAsync("1")).Should().BeTrue();
        time.Advance(TimeSpan.FromSeconds(1));
        failing.FailReplace = new TimeoutException("the store did not answer");

        var save = () => leader.SaveContinuationAsync("2");

        await save.Should().ThrowAsync<TimeoutException>();
        leader.Continuation.Should().Be("1");
        (await Leases.GetAsync(leaseName))!.Continuation.Should().Be("1");
        time.Advance(TimeSpan.FromSeconds(1.5));
        failing.FailReplace = null;
        (await leader.TryAcquireOrRenewAsync()).Should().BeTrue();
        (await Leases.GetAsync(leaseName))!.Expires.Should().Be(time.GetUtcNow() + LeaseDuration, "half the stored lease was gone, so it was renewed: the failed write extended nothing");
    }

    private static Task Advance(ManualTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        return Task.CompletedTask;
    }
}
