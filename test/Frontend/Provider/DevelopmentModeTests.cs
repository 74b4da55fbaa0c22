using System.Net;
using FluentAssertions;
using Rp.Database;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Provider;

/// <summary>Development mode: an unknown subscription is registered on its first write, never on a read.</summary>
[Collection(FrontendCollection.Name)]
public sealed class DevelopmentModeTests(FrontendFactory factory) : IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string> Versions => new(ApiVersionCases.All.Select(v => v.Name));

    public void Dispose() => arm.Dispose();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Put_UnknownSubscription_RegistersItAndCreates(string apiVersion)
    {
        var cluster = ClusterRef.New();

        var put = await arm.PutAsync(cluster.Url(apiVersion), ApiVersionCases.Of(apiVersion).CreateBody());

        put.ShouldHaveStatus(HttpStatusCode.Created);
        var stored = await factory.GetRequiredService<ISubscriptions>().GetAsync(cluster.SubscriptionId);
        stored?.Subscription.State.Should().Be("Registered");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Reads_UnknownSubscription_AnswerEmptyAndRegisterNothing(string apiVersion)
    {
        var cluster = ClusterRef.New();

        var get = await arm.GetAsync(cluster.Url(apiVersion));
        var list = await arm.GetAsync($"{cluster.SubscriptionList}?api-version={apiVersion}");

        get.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
        list.Text.Should().Be("""{"value":[]}""");
        (await factory.GetRequiredService<ISubscriptions>().GetAsync(cluster.SubscriptionId)).Should().BeNull();
    }
}
