using FluentAssertions;
using Rp.Api;
using Rp.Database.Documents;
using Xunit;

namespace Rp.Database.Tests.Conformance;

/// <summary>What every implementation of <see cref="IOpenShiftClusters"/> must do, with the shared read-modify-write helpers on top.</summary>
public abstract class OpenShiftClustersConformanceTests : DatabaseConformanceTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Func<OpenShiftClusterDocument, OpenShiftClusterDocument>> Duplicates => new()
    {
        { "same id", existing => Clone(existing, id: existing.Id, key: TestDocuments.Cluster(existing.PartitionKey).Key) },
        { "same key", existing => Clone(existing, id: Guid.NewGuid().ToString(), key: existing.Key) },
    };

    public static TheoryData<string, string?, TimeSpan, bool> Leases => new()
    {
        { "no lease", null, TimeSpan.Zero, true },
        { "own live lease", "me", TimeSpan.FromMinutes(1), true },
        { "foreign live lease", "other", TimeSpan.FromMinutes(1), false },
        { "foreign lease expiring now", "other", TimeSpan.Zero, true },
        { "foreign expired lease", "other", TimeSpan.FromMinutes(-1), true },
    };

    public static TheoryData<string, string?, TimeSpan, bool> LostLeases => new()
    {
        { "no lease", null, TimeSpan.Zero, true },
        { "foreign lease", "other", TimeSpan.FromMinutes(1), true },
        { "own expired lease", "me", TimeSpan.FromMinutes(-1), true },
        { "document deleted", "me", TimeSpan.FromMinutes(1), false },
    };

    private IOpenShiftClusters Clusters => Database.OpenShiftClusters;

    [Fact]
    public async Task CreateAsync_NewDocument_ReadableByKeyAndById()
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());

        var created = await Clusters.CreateAsync(doc);
        var byKey = await Clusters.GetAsync(doc.Key);
        var byId = await Clusters.GetByIdAsync(doc.PartitionKey, doc.Id);

        created.ETag.Should().NotBeNullOrEmpty();
        byKey.Should().BeEquivalentTo(created);
        byId.Should().BeEquivalentTo(created);
        byKey!.OpenShiftCluster.Name.Should().Be(doc.OpenShiftCluster.Name);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());

        (await Clusters.GetAsync(doc.Key)).Should().BeNull();
        (await Clusters.GetByIdAsync(doc.PartitionKey, doc.Id)).Should().BeNull();
    }

    [Fact]
    public async Task GetByIdAsync_OtherPartition_ReturnsNull()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        (await Clusters.GetByIdAsync(TestDocuments.NewSubscriptionId(), created.Id)).Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_SecretsInDocument_ReadBackEqual()
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.OpenShiftCluster.Properties.KubeadminPassword = new Secret("kubeadmin-password");

        await Clusters.CreateAsync(doc);
        var read = await Clusters.GetAsync(doc.Key);

        var properties = read!.OpenShiftCluster.Properties;
        properties.ClusterProfile.PullSecret.Should().Be(doc.OpenShiftCluster.Properties.ClusterProfile.PullSecret);
        properties.ServicePrincipalProfile.ClientSecret.Should().Be(doc.OpenShiftCluster.Properties.ServicePrincipalProfile.ClientSecret);
        properties.KubeadminPassword!.Reveal().Should().Be("kubeadmin-password");
    }

    [Fact]
    public async Task CreateAsync_ETagInBody_IsIgnored()
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.ETag = "\"made-up\"";

        var created = await Clusters.CreateAsync(doc);
        var read = await Clusters.GetAsync(doc.Key);

        created.ETag.Should().NotBe("\"made-up\"");
        read!.ETag.Should().Be(created.ETag);
    }

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task CreateAsync_Duplicate_ThrowsConflictAndKeepsOriginal(string name, Func<OpenShiftClusterDocument, OpenShiftClusterDocument> duplicate)
    {
        var existing = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var other = duplicate(existing);
        other.OpenShiftCluster.Tags = new Dictionary<string, string> { ["case"] = name };

        var act = () => Clusters.CreateAsync(other);

        await act.Should().ThrowAsync<ConflictException>();
        (await Clusters.GetByIdAsync(existing.PartitionKey, existing.Id)).Should().BeEquivalentTo(existing);
    }

    [Fact]
    public async Task ReplaceAsync_FreshETag_StoresChangeWithNewETag()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        created.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        created.Unqueued = false;

        var replaced = await Clusters.ReplaceAsync(created);
        var read = await Clusters.GetAsync(created.Key);

        replaced.ETag.Should().NotBe(created.ETag);
        read.Should().BeEquivalentTo(replaced);
        read!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded);
        read.Unqueued.Should().BeFalse();
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailedAndKeepsNewer()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var stale = await Clusters.GetAsync(created.Key);
        created.OpenShiftCluster.Tags!["winner"] = "first";
        var newer = await Clusters.ReplaceAsync(created);
        stale!.OpenShiftCluster.Tags!["winner"] = "second";

        var act = () => Clusters.ReplaceAsync(stale);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Clusters.GetAsync(created.Key)).Should().BeEquivalentTo(newer);
    }

    [Fact]
    public async Task ReplaceAsync_DeletedDocument_ThrowsPreconditionFailed()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        await Clusters.DeleteAsync(created);

        var act = () => Clusters.ReplaceAsync(created);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Clusters.GetAsync(created.Key)).Should().BeNull();
    }

    [Fact]
    public async Task ReplaceAsync_WithoutETag_ThrowsArgumentException()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        created.ETag = null;

        var act = () => Clusters.ReplaceAsync(created);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task DeleteAsync_FreshETag_RemovesDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        await Clusters.DeleteAsync(created);

        (await Clusters.GetAsync(created.Key)).Should().BeNull();
        (await Clusters.GetByIdAsync(created.PartitionKey, created.Id)).Should().BeNull();
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsPreconditionFailedAndKeepsDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var replaced = await Clusters.ReplaceAsync(created);

        var act = () => Clusters.DeleteAsync(created);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        (await Clusters.GetAsync(created.Key)).Should().BeEquivalentTo(replaced);
    }

    [Fact]
    public async Task DeleteAsync_AlreadyDeleted_ThrowsPreconditionFailed()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        await Clusters.DeleteAsync(created);

        var act = () => Clusters.DeleteAsync(created);

        await act.Should().ThrowAsync<PreconditionFailedException>();
    }

    [Fact]
    public async Task Writes_EachWrite_IssuesANewETag()
    {
        var doc = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var etags = new List<string?> { doc.ETag };

        for (var i = 0; i < 3; i++)
        {
            doc = await Clusters.ReplaceAsync(doc);
            etags.Add(doc.ETag);
        }

        etags.Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    [Fact]
    public async Task ReplaceAsync_UnknownFields_SurviveRoundTrips()
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.ExtensionData = TestDocuments.UnknownFields("top");
        doc.OpenShiftCluster.Properties.ExtensionData = TestDocuments.UnknownFields("nested");
        doc.OpenShiftCluster.Properties.WorkerProfiles[0].ExtensionData = TestDocuments.UnknownFields("item");

        var created = await Clusters.CreateAsync(doc);
        created.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded;
        await Clusters.ReplaceAsync(created);
        var read = await Clusters.GetAsync(doc.Key);

        UnknownFieldsJson(read!.ExtensionData).Should().Be(TestDocuments.Json(doc.ExtensionData));
        TestDocuments.Json(read.OpenShiftCluster.Properties.ExtensionData).Should().Be(TestDocuments.Json(doc.OpenShiftCluster.Properties.ExtensionData));
        TestDocuments.Json(read.OpenShiftCluster.Properties.WorkerProfiles[0].ExtensionData).Should().Be(TestDocuments.Json(doc.OpenShiftCluster.Properties.WorkerProfiles[0].ExtensionData));
        read.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded);
    }

    [Fact]
    public async Task ListAsync_ByPrefix_PagesInKeyOrderWithinThePartition()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var other = TestDocuments.NewSubscriptionId();
        var wanted = new List<string>();
        foreach (var name in new[] { "e", "a", "d", "b", "c" })
        {
            wanted.Add((await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg1", name))).Key);
        }

        await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg2", "a"));
        await Clusters.CreateAsync(TestDocuments.Cluster(other, "rg1", "a"));

        var pages = await ListAllPagesAsync(ResourceId.PartitionKeyOf(wanted[0]), ResourceId.ResourceGroupPrefix(subscription, "rg1"), maxItems: 2);

        pages.Should().AllSatisfy(p => p.Count.Should().BeLessThanOrEqualTo(2));
        pages.SelectMany(p => p).Should().Equal(wanted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_SubscriptionPrefix_ReturnsOnlyThatPartition()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var other = TestDocuments.NewSubscriptionId();
        var mine = new[]
        {
            (await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg1"))).Key,
            (await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg2"))).Key,
        };
        await Clusters.CreateAsync(TestDocuments.Cluster(other, "rg1"));

        var pages = await ListAllPagesAsync(subscription.ToLowerInvariant(), ResourceId.SubscriptionPrefix(subscription), maxItems: 10);
        var foreign = await ListAllPagesAsync(other.ToLowerInvariant(), ResourceId.SubscriptionPrefix(subscription), maxItems: 10);

        pages.SelectMany(p => p).Should().BeEquivalentTo(mine);
        foreign.SelectMany(p => p).Should().BeEmpty();
    }

    [Fact]
    public async Task ListUnqueuedAsync_Partition_ReturnsOnlyItsUnqueuedDocuments()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var unqueued = await Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        var laterQueued = await Clusters.CreateAsync(TestDocuments.Cluster(subscription));
        var queued = TestDocuments.Cluster(subscription);
        queued.Unqueued = false;
        await Clusters.CreateAsync(queued);
        await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        laterQueued.Unqueued = false;
        await Clusters.ReplaceAsync(laterQueued);

        var listed = await Clusters.ListUnqueuedAsync(unqueued.PartitionKey, null, 10);

        listed.Items.Select(d => d.Key).Should().Equal(unqueued.Key);
        listed.Items[0].ETag.Should().Be(unqueued.ETag);
        listed.Continuation.Should().BeNull();
    }

    [Fact]
    public async Task ReadChangeFeedAsync_FromStart_ReturnsLatestVersionsInWriteOrderWithoutDeleted()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var a = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "a"));
        var b = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "b"));
        var c = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "c"));
        a = await Clusters.ReplaceAsync(a);
        a = await Clusters.ReplaceAsync(a);
        await Clusters.DeleteAsync(b);

        var (changes, _) = await ReadAllChangesAsync(null, subscription);

        changes.Select(d => (d.Key, d.ETag)).Should().Equal((c.Key, c.ETag), (a.Key, a.ETag));
    }

    [Fact]
    public async Task ReadChangeFeedAsync_FromContinuation_ReturnsOnlyLaterWrites()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var a = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "a"));
        var b = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "b"));
        var (_, continuation) = await ReadAllChangesAsync(null, subscription);
        var (nothing, sameContinuation) = await ReadAllChangesAsync(continuation, subscription);

        var d = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "d"));
        a = await Clusters.ReplaceAsync(a);
        var (changes, _) = await ReadAllChangesAsync(sameContinuation, subscription);

        nothing.Should().BeEmpty();
        changes.Select(x => (x.Key, x.ETag)).Should().Equal((d.Key, d.ETag), (a.Key, a.ETag));
        changes.Should().NotContain(x => x.Key == b.Key);
    }

    [Fact]
    public async Task RetryOnPreconditionFailedAsync_ConcurrentWriteInBetween_ReappliesOnFreshRead()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var attempts = 0;

        var result = await Retry.OnPreconditionFailedAsync(async ct =>
        {
            attempts++;
            var doc = await Clusters.GetAsync(created.Key, ct);
            if (attempts == 1)
            {
                var other = await Clusters.GetAsync(created.Key, ct);
                other!.OpenShiftCluster.Tags!["other"] = "1";
                await Clusters.ReplaceAsync(other, ct);
            }

            doc!.OpenShiftCluster.Tags!["mine"] = "1";
            return await Clusters.ReplaceAsync(doc, ct);
        });

        attempts.Should().Be(2);
        result.OpenShiftCluster.Tags.Should().Contain("other", "1").And.Contain("mine", "1");
        (await Clusters.GetAsync(created.Key))!.ETag.Should().Be(result.ETag);
    }

    [Fact]
    public async Task RetryOnPreconditionFailedAsync_AlwaysStale_GivesUpAfterMaxAttempts()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var current = await Clusters.ReplaceAsync(created);
        var attempts = 0;

        var act = () => Retry.OnPreconditionFailedAsync(
            ct =>
            {
                attempts++;
                return Clusters.ReplaceAsync(created, ct);
            },
            maxAttempts: 3);

        await act.Should().ThrowAsync<PreconditionFailedException>();
        attempts.Should().Be(3);
        (await Clusters.GetAsync(created.Key))!.ETag.Should().Be(current.ETag);
    }

    [Fact]
    public async Task PatchAsync_ManyConcurrentIncrements_LosesNone()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Clusters.PatchAsync(created.Key, doc =>
        {
            var tags = doc.OpenShiftCluster.Tags!;
            tags["counter"] = (int.Parse(tags.GetValueOrDefault("counter", "0")) + 1).ToString();
            return true;
        }))));

        (await Clusters.GetAsync(created.Key))!.OpenShiftCluster.Tags.Should().Contain("counter", "20");
    }

    [Fact]
    public async Task PatchAsync_NothingToWrite_KeepsETag()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        var patched = await Clusters.PatchAsync(created.Key, _ => false);

        patched!.ETag.Should().Be(created.ETag);
        (await Clusters.GetAsync(created.Key))!.ETag.Should().Be(created.ETag);
    }

    [Fact]
    public async Task PatchAsync_Missing_ReturnsNull()
    {
        var patched = await Clusters.PatchAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()).Key, _ => true);

        patched.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Leases))]
    public async Task TryLeaseAsync_ExistingLease_TakesItOnlyWhenFreeOwnOrExpired(string name, string? holder, TimeSpan remaining, bool taken)
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.LeaseOwner = holder;
        doc.LeaseExpires = holder is null ? null : Now + remaining;
        var created = await Clusters.CreateAsync(doc);

        var leased = await Clusters.TryLeaseAsync(created.Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));
        var read = await Clusters.GetAsync(created.Key);

        if (taken)
        {
            leased.Should().NotBeNull(name);
            read!.LeaseOwner.Should().Be("me");
            read.LeaseExpires.Should().Be(Now + TimeSpan.FromMinutes(5));
            read.ETag.Should().Be(leased!.ETag);
        }
        else
        {
            leased.Should().BeNull(name);
            read.Should().BeEquivalentTo(created);
        }
    }

    [Theory]
    [InlineData("the holder has lost it", true)]
    [InlineData("the holder is live", false)]
    public async Task TryLeaseAsync_LiveForeignLease_TakenOnlyWhenMayTakeOverSaysSo(string name, bool mayTakeOver)
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.LeaseOwner = "other/message-1";
        doc.LeaseExpires = Now + TimeSpan.FromMinutes(1);
        var created = await Clusters.CreateAsync(doc);
        string? asked = null;

        var leased = await Clusters.TryLeaseAsync(created.Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5), holder =>
        {
            asked = holder;
            return mayTakeOver;
        });

        asked.Should().Be("other/message-1", name);
        (await Clusters.GetAsync(created.Key))!.LeaseOwner.Should().Be(mayTakeOver ? "me" : "other/message-1", name);
        (leased is not null).Should().Be(mayTakeOver, name);
    }

    [Fact]
    public async Task TryLeaseAsync_Missing_ReturnsNull()
    {
        var leased = await Clusters.TryLeaseAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()).Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        leased.Should().BeNull();
    }

    [Fact]
    public async Task PatchWithLeaseAsync_LeaseHeld_AppliesChange()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        await Clusters.TryLeaseAsync(created.Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        var patched = await Clusters.PatchWithLeaseAsync(created.Key, "me", Now.AddMinutes(1), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        (await Clusters.GetAsync(created.Key)).Should().BeEquivalentTo(patched);
        patched.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded);
    }

    [Theory]
    [MemberData(nameof(LostLeases))]
    public async Task PatchWithLeaseAsync_LeaseLost_ThrowsLeaseLostAndWritesNothing(string name, string? holder, TimeSpan remaining, bool exists)
    {
        var doc = TestDocuments.Cluster(TestDocuments.NewSubscriptionId());
        doc.LeaseOwner = holder;
        doc.LeaseExpires = holder is null ? null : Now + remaining;
        var created = await Clusters.CreateAsync(doc);
        if (!exists)
        {
            await Clusters.DeleteAsync(created);
        }

        var act = () => Clusters.PatchWithLeaseAsync(created.Key, "me", Now, d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        await act.Should().ThrowAsync<LeaseLostException>(name);
        var read = await Clusters.GetAsync(created.Key);
        if (exists)
        {
            read.Should().BeEquivalentTo(created);
        }
        else
        {
            read.Should().BeNull();
        }
    }

    [Fact]
    public async Task DeleteWithLeaseAsync_LeaseHeld_DeletesDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        await Clusters.TryLeaseAsync(created.Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        var deleted = await Clusters.DeleteWithLeaseAsync(created.Key, "me", Now, _ => { });

        deleted.Should().BeTrue();
        (await Clusters.GetAsync(created.Key)).Should().BeNull();
    }

    [Fact]
    public async Task DeleteWithLeaseAsync_LeaseTakenByOther_ThrowsLeaseLostAndKeepsDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        await Clusters.TryLeaseAsync(created.Key, "other", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        var act = () => Clusters.DeleteWithLeaseAsync(created.Key, "me", Now, _ => { });

        await act.Should().ThrowAsync<LeaseLostException>();
        (await Clusters.GetAsync(created.Key))!.LeaseOwner.Should().Be("other");
    }

    public static TheoryData<string, bool> Writers => new()
    {
        { "this client", false },
        { "another client (another process)", true },
    };

    [Fact]
    public async Task GetIfChangedAsync_NothingKnown_ReturnsTheDocumentAndItsVersion()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));

        var read = await Clusters.GetIfChangedAsync(created.Key, known: null);

        read.NotModified.Should().BeFalse();
        read.Document.Should().BeEquivalentTo(created);
        read.Version!.Id.Should().Be(created.Id);
        read.Version.ETag.Should().Be(created.ETag);
    }

    [Fact]
    public async Task GetIfChangedAsync_Unchanged_NotModifiedWithoutTheDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var first = await Clusters.GetIfChangedAsync(created.Key, known: null);
        await Clusters.CreateAsync(TestDocuments.Cluster(created.PartitionKey));

        var again = await Clusters.GetIfChangedAsync(created.Key, first.Version);
        var stillAgain = await Clusters.GetIfChangedAsync(created.Key, again.Version);

        again.NotModified.Should().BeTrue("another document's write changes nothing here");
        again.Document.Should().BeNull();
        again.Version!.ETag.Should().Be(created.ETag);
        stillAgain.NotModified.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task GetIfChangedAsync_ReplacedBy_ReturnsTheNewVersion(string name, bool otherClient)
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var known = (await Clusters.GetIfChangedAsync(created.Key, known: null)).Version;
        await using var other = Database.OpenAnotherClient();
        var writer = otherClient ? other.OpenShiftClusters : Clusters;

        var replaced = await writer.PatchAsync(created.Key, d =>
        {
            d.OpenShiftCluster.Tags!["env"] = "changed";
            return true;
        });
        var read = await Clusters.GetIfChangedAsync(created.Key, known);

        read.NotModified.Should().BeFalse(name);
        read.Document!.OpenShiftCluster.Tags.Should().Contain("env", "changed", name);
        read.Version!.ETag.Should().Be(replaced!.ETag, name);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task GetIfChangedAsync_DeletedBy_ReturnsMissing(string name, bool otherClient)
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var known = (await Clusters.GetIfChangedAsync(created.Key, known: null)).Version;
        await using var other = Database.OpenAnotherClient();

        await (otherClient ? other.OpenShiftClusters : Clusters).DeleteAsync(created);
        var read = await Clusters.GetIfChangedAsync(created.Key, known);

        read.Should().BeEquivalentTo(ConditionalRead<OpenShiftClusterDocument>.Missing, name);
    }

    [Fact]
    public async Task GetIfChangedAsync_DeletedAndCreatedAgainUnderTheSameKey_ReturnsTheNewDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var known = (await Clusters.GetIfChangedAsync(created.Key, known: null)).Version;
        await using var other = Database.OpenAnotherClient();
        await other.OpenShiftClusters.DeleteAsync(created);
        var again = await other.OpenShiftClusters.CreateAsync(Clone(created, Guid.NewGuid().ToString(), created.Key));

        var read = await Clusters.GetIfChangedAsync(created.Key, known);

        read.Document!.Id.Should().Be(again.Id);
        read.Version!.ETag.Should().Be(again.ETag);
    }

    [Fact]
    public async Task GetIfChangedAsync_Missing_ReturnsMissing()
    {
        var read = await Clusters.GetIfChangedAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()).Key, known: null);

        read.Should().BeEquivalentTo(ConditionalRead<OpenShiftClusterDocument>.Missing);
    }

    [Fact]
    public async Task ListAsync_ResourceGroupWhoseNameExtendsAnother_ListsOnlyItsOwn()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var rg1 = (await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg1", "a"))).Key;
        await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg10", "a"));
        await Clusters.CreateAsync(TestDocuments.Cluster(subscription, "rg1.0", "a"));

        var pages = await ListAllPagesAsync(subscription.ToLowerInvariant(), ResourceId.ResourceGroupPrefix(subscription, "rg1"), maxItems: 10);

        pages.SelectMany(p => p).Should().Equal(rg1);
    }

    [Fact]
    public async Task ListUnqueuedAsync_ManyPages_EachUnqueuedDocumentOnceInKeyOrder()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var unqueued = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var doc = TestDocuments.Cluster(subscription, name: $"c{i}");
            doc.Unqueued = i % 3 != 0;
            var created = await Clusters.CreateAsync(doc);
            if (created.Unqueued)
            {
                unqueued.Add(created.Key);
            }
        }

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var page = await Clusters.ListUnqueuedAsync(subscription.ToLowerInvariant(), continuation, maxItems: 2);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(d => d.Key));
            continuation = page.Continuation;
            seen.Count.Should().BeLessThan(100, "a listing must end");
        }
        while (continuation is not null);

        seen.Should().Equal(unqueued.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadChangeFeedAsync_UnqueuedOnly_ReturnsOnlyFlaggedDocumentsAndMovesPastTheRest()
    {
        var subscription = TestDocuments.NewSubscriptionId();
        var flagged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var doc = TestDocuments.Cluster(subscription, name: $"c{i}");
            doc.Unqueued = i is 1 or 3;
            var created = await Clusters.CreateAsync(doc);
            if (created.Unqueued)
            {
                flagged.Add(created.Key);
            }
        }

        var seen = new List<string>();
        string? continuation = null;
        for (var reads = 0; ; reads++)
        {
            reads.Should().BeLessThan(100, "the change feed must run dry");
            var page = await Clusters.ReadChangeFeedAsync(continuation, maxItems: 2, unqueuedOnly: true);
            page.Items.Should().NotContain(d => !d.Unqueued);
            seen.AddRange(page.Items.Select(d => d.Key));
            if (page.Continuation == continuation)
            {
                break;
            }

            continuation = page.Continuation;
        }

        var later = await Clusters.CreateAsync(TestDocuments.Cluster(subscription, name: "later"));
        var after = await Clusters.ReadChangeFeedAsync(continuation, maxItems: 2, unqueuedOnly: true);

        seen.Should().Equal(flagged);
        after.Items.Select(d => d.Key).Should().Equal(later.Key);
    }

    [Theory]
    [MemberData(nameof(LostLeases))]
    public async Task PatchWithLeaseAsync_FromACopy_LeaseLostSince_ThrowsLeaseLostAndWritesNothing(string name, string? holder, TimeSpan remaining, bool exists)
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var copy = await Clusters.TryLeaseAsync(created.Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));
        var other = await Clusters.PatchAsync(created.Key, d =>
        {
            d.LeaseOwner = holder;
            d.LeaseExpires = holder is null ? null : Now + remaining;
            return true;
        });
        if (!exists)
        {
            await Clusters.DeleteAsync(other!);
        }

        var act = () => Clusters.PatchWithLeaseAsync(copy!, "me", Now, d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        await act.Should().ThrowAsync<LeaseLostException>(name);
        (await Clusters.GetAsync(created.Key))?.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Creating, name);
    }

    [Theory]
    [InlineData("the copy is current", false)]
    [InlineData("the lease was renewed since the copy was read", true)]
    public async Task PatchWithLeaseAsync_FromACopy_LeaseStillHeld_WritesTheChange(string name, bool renewedSince)
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var copy = await Clusters.TryLeaseAsync(created.Key, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));
        if (renewedSince)
        {
            await Clusters.PatchWithLeaseAsync(created.Key, "me", Now, d => d.LeaseExpires = Now + TimeSpan.FromMinutes(10));
        }

        var patched = await Clusters.PatchWithLeaseAsync(copy!, "me", Now.AddMinutes(1), d => d.OpenShiftCluster.Properties.ProvisioningState = ProvisioningState.Succeeded);

        var read = await Clusters.GetAsync(created.Key);
        read.Should().BeEquivalentTo(patched, name);
        read!.OpenShiftCluster.Properties.ProvisioningState.Should().Be(ProvisioningState.Succeeded, name);
        read.LeaseExpires.Should().Be(Now + TimeSpan.FromMinutes(renewedSince ? 10 : 5), name);
    }

    [Fact]
    public async Task TryLeaseAsync_FromAStaleCopy_DecidesOnTheCurrentDocument()
    {
        var created = await Clusters.CreateAsync(TestDocuments.Cluster(TestDocuments.NewSubscriptionId()));
        var stale = await Clusters.GetAsync(created.Key);
        await Clusters.TryLeaseAsync(created.Key, "other", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        var leased = await Clusters.TryLeaseAsync(stale!, "me", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5));

        leased.Should().BeNull("the copy said the lease was free, the document says another owner holds it");
        (await Clusters.GetAsync(created.Key))!.LeaseOwner.Should().Be("other");
    }

    [Fact]
    public async Task TryLeaseAsync_FromACopyOfADocumentDeletedAndCreatedAgain_LeavesTheNewDocumentAlone()
    {
        // A worker read the document of its message; before its lease write, the resource was
        // deleted and created again under the same name. The new document is another's work.
        var subscriptionId = TestDocuments.NewSubscriptionId();
        var first = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, name: "recreated"));
        var copy = await Clusters.GetByIdAsync(first.PartitionKey, first.Id);
        await Clusters.DeleteAsync(first);
        var second = await Clusters.CreateAsync(TestDocuments.Cluster(subscriptionId, name: "recreated"));
        second.Key.Should().Be(first.Key);

        var leased = await Clusters.TryLeaseAsync(copy!, "me/message-1", new ManualTimeProvider(Now), TimeSpan.FromMinutes(5), whileLeasing: d => d.Unqueued = false);

        leased.Should().BeNull("the document read is gone");
        var stored = await Clusters.GetAsync(first.Key);
        stored!.Id.Should().Be(second.Id);
        stored.LeaseOwner.Should().BeNull("a message of the deleted document does not lease the new one");
        stored.Unqueued.Should().BeTrue("the new document still waits for the forwarder to put its own message");
    }

    /// <summary>Every page of a listing, as keys.</summary>
    protected async Task<List<List<string>>> ListAllPagesAsync(string partitionKey, string prefix, int maxItems)
    {
        var pages = new List<List<string>>();
        string? continuation = null;
        do
        {
            var page = await Clusters.ListAsync(partitionKey, prefix, continuation, maxItems);
            pages.Add(page.Items.Select(d => d.Key).ToList());
            continuation = page.Continuation;
            pages.Count.Should().BeLessThan(100, "a listing must end");
        }
        while (continuation is not null);

        return pages;
    }

    /// <summary>The change feed read in small pages until it has nothing new, keeping one subscription's documents.</summary>
    protected async Task<(List<OpenShiftClusterDocument> Changes, string Continuation)> ReadAllChangesAsync(string? continuation, string subscriptionId)
    {
        var changes = new List<OpenShiftClusterDocument>();
        for (var reads = 0; ; reads++)
        {
            reads.Should().BeLessThan(10_000, "the change feed must run dry");
            var page = await Clusters.ReadChangeFeedAsync(continuation, maxItems: 2);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            continuation = page.Continuation;
            if (page.Items.Count == 0)
            {
                return (changes, continuation);
            }

            changes.AddRange(page.Items.Where(d => d.PartitionKey == subscriptionId.ToLowerInvariant()));
        }
    }

    private static OpenShiftClusterDocument Clone(OpenShiftClusterDocument existing, string id, string key)
    {
        var copy = TestDocuments.Cluster(existing.PartitionKey);
        copy.Id = id;
        copy.Key = key;
        return copy;
    }
}
