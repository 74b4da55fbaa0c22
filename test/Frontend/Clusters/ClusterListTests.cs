using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>Lists by resource group and by subscription: <c>{value, nextLink}</c>, paged with <c>$top</c> and a sealed <c>$skipToken</c>.</summary>
public abstract class ClusterListTests(RpFactory factory, ApiVersionCase version) : ClusterTestBase(factory, version)
{
    public static TheoryData<string, string> Scopes => new()
    {
        { "by resource group", "resourceGroup" },
        { "by subscription", "subscription" },
    };

    public static TheoryData<string, string> InvalidTops => new()
    {
        { "zero", "0" },
        { "negative", "-1" },
        { "not a number", "abc" },
        { "fraction", "1.5" },
        { "above the maximum", "1001" },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task List_Empty_ReturnsOnlyAnEmptyValueArray(string name, string scope)
    {
        var cluster = ClusterRef.New();

        var list = await ListAsync(ListPath(cluster, scope));

        list.ShouldHaveStatus(HttpStatusCode.OK);
        list.Text.Should().Be("""{"value":[]}""", "an empty {0} list has no nextLink", name);
    }

    [Fact]
    public async Task List_ByResourceGroupAndBySubscription_ReturnTheirOwnClustersAsGetShowsThem()
    {
        var a = ClusterRef.New("rg-one", "a");
        var b = a.InGroup("rg-one", "b");
        var c = a.InGroup("rg-two", "c");
        foreach (var cluster in new[] { a, b, c })
        {
            await CreateSucceededAsync(cluster);
        }

        await PutAsync(ClusterRef.New("rg-one", "elsewhere"));

        var byGroup = await ListAsync(a.ResourceGroupList);
        var bySubscription = await ListAsync(a.SubscriptionList);

        byGroup.ShouldHaveStatus(HttpStatusCode.OK);
        byGroup.Body.Properties().Select(p => p.Name).Should().Equal("value");
        Names(byGroup).Should().BeEquivalentTo("a", "b");
        bySubscription.Body.Properties().Select(p => p.Name).Should().Equal("value");
        Names(bySubscription).Should().BeEquivalentTo("a", "b", "c");
        foreach (var item in ((JArray)bySubscription.Body["value"]!).Cast<JObject>())
        {
            var get = await Arm.GetAsync($"{(string)item["id"]!}?api-version={Version.Name}");
            item.ShouldDeepEqual(get.Body, "a list item has the GET schema");
        }

        ShouldContainNoSecret(byGroup);
        ShouldContainNoSecret(bySubscription);
    }

    [Fact]
    public async Task List_NamesInOtherCase_FindTheSameClusters()
    {
        var cluster = ClusterRef.New("Group", "cluster");
        await PutAsync(cluster);
        var other = new ClusterRef(cluster.SubscriptionId.ToUpperInvariant(), "gROUP", "cluster");

        var byGroup = await ListAsync(other.ResourceGroupList);
        var bySubscription = await ListAsync(other.SubscriptionList);

        Names(byGroup).Should().Equal("cluster");
        Names(bySubscription).Should().Equal("cluster");
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task List_WithTop_PagesThroughEveryClusterOnce(string name, string scope)
    {
        var first = ClusterRef.New("rg", "cluster-0");
        var clusters = Enumerable.Range(0, 5).Select(i => first.InGroup("rg", $"cluster-{i}")).ToList();
        foreach (var cluster in clusters)
        {
            await PutAsync(cluster);
        }

        var seen = new List<string>();
        var pages = 0;
        string? next = $"{ListPath(first, scope)}?api-version={Version.Name}&$top=2";
        while (next is not null)
        {
            var page = await Arm.GetAsync(next);
            page.ShouldHaveStatus(HttpStatusCode.OK);
            pages++;
            seen.AddRange(Names(page));
            next = (string?)page.Body["nextLink"];
            if (page.Body.ContainsKey("nextLink"))
            {
                next.Should().NotBeNullOrEmpty("nextLink is omitted on the last page, never empty");
                next.Should().StartWith($"https://management.azure.com{ListPath(first, scope)}?");
                ((JArray)page.Body["value"]!).Should().HaveCount(2);
            }

            pages.Should().BeLessThan(10, "paging {0} must end", name);
        }

        seen.Should().BeEquivalentTo(clusters.Select(c => c.Name));
        seen.Should().OnlyHaveUniqueItems();
        pages.Should().Be(3);
    }

    [Fact]
    public async Task List_TamperedSkipToken_Returns400()
    {
        var nextLink = await NextLinkAsync(ClusterRef.New());
        var token = Uri.UnescapeDataString(nextLink.Split("$skipToken=")[1].Split('&')[0]);
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var list = await Arm.GetAsync(nextLink.Replace(Uri.EscapeDataString(token), Uri.EscapeDataString(tampered), StringComparison.Ordinal));

        list.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "$skipToken");
    }

    [Fact]
    public async Task List_SkipTokenOfAnotherList_Returns400()
    {
        var cluster = ClusterRef.New();
        var nextLink = await NextLinkAsync(cluster);
        var query = new Uri(nextLink).Query;

        var otherScope = await Arm.GetAsync(cluster.SubscriptionList + query);
        var otherSubscription = await Arm.GetAsync(ClusterRef.New().ResourceGroupList + query);

        otherScope.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "$skipToken");
        otherSubscription.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "$skipToken");
    }

    [Fact]
    public async Task List_GarbageSkipToken_Returns400()
    {
        var list = await ListAsync(ClusterRef.New().ResourceGroupList, "&$skipToken=not-a-token");

        list.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "$skipToken");
    }

    [Theory]
    [MemberData(nameof(InvalidTops))]
    public async Task List_InvalidTop_Returns400(string name, string top)
    {
        var list = await ListAsync(ClusterRef.New().ResourceGroupList, $"&$top={Uri.EscapeDataString(top)}");

        list.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", "$top");
        ((string?)list.Body["error"]!["message"]).Should().Contain("$top", "the message about a {0} $top names the parameter", name);
    }

    private static string ListPath(ClusterRef cluster, string scope) => scope == "subscription" ? cluster.SubscriptionList : cluster.ResourceGroupList;

    private static IEnumerable<string> Names(ArmResponse list) => ((JArray)list.Body["value"]!).Select(v => (string)v["name"]!);

    /// <summary>The nextLink of the first page of a two-cluster resource group listed one at a time.</summary>
    private async Task<string> NextLinkAsync(ClusterRef cluster)
    {
        await PutAsync(cluster.InGroup(cluster.ResourceGroup, "one"));
        await PutAsync(cluster.InGroup(cluster.ResourceGroup, "two"));
        var page = await ListAsync(cluster.ResourceGroupList, "&$top=1");
        return (string?)page.Body["nextLink"] ?? throw new Xunit.Sdk.XunitException($"Expected a nextLink: {page}");
    }
}
