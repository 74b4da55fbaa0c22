using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Database;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Provider;

/// <summary>ARM's subscription lifecycle notification: <c>PUT /subscriptions/{id}?api-version=2.0</c>.</summary>
[Collection(FrontendCollection.Name)]
public sealed class SubscriptionNotificationTests(FrontendFactory factory) : IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string, string> WrongApiVersions => new()
    {
        { "a cluster api-version", "2019-12-31-preview" },
        { "another version", "2.1" },
        { "an older one", "1.0" },
    };

    /// <summary>Case, body, target.</summary>
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "unknown state", """{"state":"Bogus"}""", "state" },
        { "state missing", """{"registrationDate":"Thu, 01 Feb 2024 10:11:12 GMT"}""", "state" },
        { "state not a string", """{"state":1}""", "state" },
        { "state in the wrong case", """{"state":"registered"}""", "state" },
    };

    public void Dispose() => arm.Dispose();

    [Fact]
    public async Task Put_FirstThenAgain_Returns201Then200EchoingTheBody()
    {
        var subscription = ClusterRef.NewSubscriptionId();
        var body = Subscriptions.Body("Registered");

        var first = await arm.PutAsync($"/subscriptions/{subscription}?api-version=2.0", body);
        var second = await arm.PutAsync($"/subscriptions/{subscription}?api-version=2.0", body);

        first.ShouldHaveStatus(HttpStatusCode.Created);
        first.Body.ShouldDeepEqual(body, "the answer echoes the body, unknown fields included");
        second.ShouldHaveStatus(HttpStatusCode.OK);
        second.Body.ShouldDeepEqual(body);
    }

    [Fact]
    public async Task Put_UnknownFields_AreKept()
    {
        var subscription = ClusterRef.NewSubscriptionId();

        await arm.PutSubscriptionAsync(subscription, "Registered");

        var stored = await factory.GetRequiredService<ISubscriptions>().GetAsync(subscription);
        var json = JObject.FromObject(stored!.Subscription);
        json["managedByTenants"].ShouldDeepEqual(Subscriptions.Body("Registered")["managedByTenants"]);
        ((string?)json["properties"]?["quotaId"]).Should().Be("Internal_2014-09-01");
        ((string?)json["properties"]?["tenantId"]).Should().Be(Subscriptions.TenantId);
    }

    [Fact]
    public async Task Put_LatestStateWins()
    {
        var cluster = ClusterRef.New();
        await arm.PutSubscriptionAsync(cluster.SubscriptionId, "Warned");
        var refused = await arm.PutAsync(cluster.Url("2020-04-30"), V20200430Version.Instance.CreateBody());

        (await arm.PutSubscriptionAsync(cluster.SubscriptionId, "Registered")).ShouldHaveStatus(HttpStatusCode.OK);
        var allowed = await arm.PutAsync(cluster.Url("2020-04-30"), V20200430Version.Instance.CreateBody());

        refused.ShouldBeCloudError(HttpStatusCode.Conflict, "InvalidSubscriptionState");
        allowed.ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(WrongApiVersions))]
    public async Task Put_WrongApiVersion_Returns400(string name, string apiVersion)
    {
        var response = await arm.PutAsync($"/subscriptions/{ClusterRef.NewSubscriptionId()}?api-version={apiVersion}", Subscriptions.Body("Registered"));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidApiVersionParameter", testCase: name);
        ((string?)response.Body["error"]!["message"]).Should().Contain("'2.0'");
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Put_InvalidBody_Returns400WithTarget(string name, string body, string target)
    {
        var response = await arm.PutAsync($"/subscriptions/{ClusterRef.NewSubscriptionId()}?api-version=2.0", JObject.Parse(body));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidParameter", target, name);
    }

    [Fact]
    public async Task Put_SubscriptionIdNotAGuid_Returns400()
    {
        var response = await arm.PutAsync("/subscriptions/not-a-guid?api-version=2.0", Subscriptions.Body("Registered"));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidSubscriptionId", "subscriptionId");
    }

    [Fact]
    public async Task Put_MalformedBody_Returns400InvalidRequestContent()
    {
        var response = await arm.SendAsync(
            HttpMethod.Put,
            $"/subscriptions/{ClusterRef.NewSubscriptionId()}?api-version=2.0",
            new StringContent("{\"state\":", System.Text.Encoding.UTF8, "application/json"));

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidRequestContent");
    }
}
