using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Provider;

/// <summary>Production mode: a subscription ARM has not registered may be read (empty) and nothing else.</summary>
[Collection(ProductionCollection.Name)]
public sealed class ProductionModeTests(ProductionFactory factory) : IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string> Versions => new(ApiVersionCases.All.Select(v => v.Name));

    public void Dispose() => arm.Dispose();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Writes_UnknownSubscription_Return409InvalidSubscriptionState(string apiVersion)
    {
        var cluster = ClusterRef.New();

        var responses = new[]
        {
            await arm.PutAsync(cluster.Url(apiVersion), ApiVersionCases.Of(apiVersion).CreateBody()),
            await arm.PatchAsync(cluster.Url(apiVersion), new JObject { ["tags"] = new JObject() }),
            await arm.DeleteAsync(cluster.Url(apiVersion)),
            await arm.PostAsync(cluster.Url(apiVersion, "/listCredentials")),
        };

        foreach (var response in responses)
        {
            response.ShouldBeCloudError(HttpStatusCode.Conflict, "InvalidSubscriptionState");
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Reads_UnknownSubscription_AnswerNotFoundAndEmpty(string apiVersion)
    {
        var cluster = ClusterRef.New();

        var get = await arm.GetAsync(cluster.Url(apiVersion));
        var list = await arm.GetAsync($"{cluster.ResourceGroupList}?api-version={apiVersion}");

        get.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        list.Text.Should().Be("""{"value":[]}""");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Put_AfterArmRegisteredTheSubscription_Returns201(string apiVersion)
    {
        var cluster = ClusterRef.New();

        (await arm.PutSubscriptionAsync(cluster.SubscriptionId, "Registered")).ShouldHaveStatus(HttpStatusCode.Created);
        var put = await arm.PutAsync(cluster.Url(apiVersion), ApiVersionCases.Of(apiVersion).CreateBody());

        put.ShouldHaveStatus(HttpStatusCode.Created);
    }
}
