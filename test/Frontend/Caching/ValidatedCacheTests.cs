using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Tests.Emulators;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Caching;

/// <summary>
/// The frontend serves a cluster's GET and a subscription's state from memory only after its store
/// confirmed the document unchanged: whatever writes it (a request, the backend, another process,
/// an operator), the next request sees the write. On both databases.
/// </summary>
[Collection(CosmosEmulatorCollection.Name)]
public sealed class ValidatedCacheTests(EmulatorsFixture emulators)
{
    private const string Version = "2020-04-30";

    public delegate Task Write(Context context);

    public delegate void Check(ArmResponse get, ArmResponse before);

    public static TheoryData<string, string, Write, Check> Writes()
    {
        var data = new TheoryData<string, string, Write, Check>();
        foreach (var database in new[] { "Sqlite", "Cosmos" })
        {
            data.Add("a PUT that replaces it", database, Settled(c => Expect(c.Arm.PutAsync(c.Url, Tagged(c, "replaced")), HttpStatusCode.OK)), Tag("replaced"));
            data.Add("a tags-only PATCH", database, Settled(c => Expect(c.Arm.PatchAsync(c.Url, new JObject { ["tags"] = new JObject { ["env"] = "patched" } }), HttpStatusCode.OK)), Tag("patched"));
            data.Add("a DELETE", database, c => Expect(c.Arm.DeleteAsync(c.Url), HttpStatusCode.Accepted), State("Deleting"));
            data.Add("the backend ending the operation", database, c => c.Backend.EndOperationAsync(c.Cluster), State("Succeeded"));
            data.Add("the backend finishing a delete", database, FinishDeleteAsync, (get, _) => get.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound"));
            data.Add("another process", database, c => OtherProcessTagsAsync(c, "elsewhere"), Tag("elsewhere"));
            data.Add("another process deleting it", database, OtherProcessDeletesAsync, (get, _) => get.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound"));
            data.Add("a delete and a create of the same name", database, RecreateAsync, (get, before) => ((string?)get.Body["etag"]).Should().NotBe((string?)before.Body["etag"]));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Get_AfterAWrite_ShowsIt(string name, string database, Write write, Check check)
    {
        await using var context = await Context.CreateAsync(Settings(database));
        (await context.Arm.PutAsync(context.Url, context.Body)).ShouldHaveStatus(HttpStatusCode.Created, name);
        var before = await context.Arm.GetAsync(context.Url);
        var again = await context.Arm.GetAsync(context.Url);
        again.Text.Should().Be(before.Text, $"{name}: nothing changed in between");

        await write(context);
        var after = await context.Arm.GetAsync(context.Url);

        check(after, before);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Cosmos")]
    public async Task Requests_SubscriptionStateChangedByAnotherProcess_FollowTheNewState(string database)
    {
        await using var context = await Context.CreateAsync(Settings(database));
        (await context.Arm.PutSubscriptionAsync(context.Cluster.SubscriptionId, SubscriptionStates.Registered)).ShouldHaveStatus(HttpStatusCode.Created);
        (await context.Arm.PutAsync(context.Url, context.Body)).ShouldHaveStatus(HttpStatusCode.Created);

        await SetSubscriptionStateAsync(context, SubscriptionStates.Suspended);
        var refused = await context.Arm.PutAsync(context.Cluster.InGroup("rg", "second").Url(Version), context.Body);
        var read = await context.Arm.GetAsync(context.Url);
        await SetSubscriptionStateAsync(context, SubscriptionStates.Registered);
        var accepted = await context.Arm.PutAsync(context.Cluster.InGroup("rg", "third").Url(Version), context.Body);

        refused.ShouldBeCloudError(HttpStatusCode.Conflict, "InvalidSubscriptionState", testCase: database);
        read.ShouldHaveStatus(HttpStatusCode.OK, database);
        accepted.ShouldHaveStatus(HttpStatusCode.Created, database);
    }

    /// <summary>The write, once the create has ended (and its GET is served from memory): requests other than DELETE wait for that.</summary>
    private static Write Settled(Write write) => async context =>
    {
        await context.Backend.EndOperationAsync(context.Cluster);
        (await context.Arm.GetAsync(context.Url)).ShouldHaveStatus(HttpStatusCode.OK);
        await write(context);
    };

    private static Check Tag(string value) => (get, _) => ((string?)get.Body["tags"]?["env"]).Should().Be(value);

    private static Check State(string state) => (get, _) => ((string?)get.Body["properties"]?["provisioningState"]).Should().Be(state);

    private static async Task Expect(Task<ArmResponse> request, HttpStatusCode status) => (await request).ShouldHaveStatus(status);

    private static JObject Tagged(Context context, string value)
    {
        var body = (JObject)context.Body.DeepClone();
        body["tags"] = new JObject { ["env"] = value };
        return body;
    }

    private static async Task FinishDeleteAsync(Context context)
    {
        await Expect(context.Arm.DeleteAsync(context.Url), HttpStatusCode.Accepted);
        await context.Arm.GetAsync(context.Url);
        await context.Backend.FinishDeleteAsync(context.Cluster);
    }

    private static Task OtherProcessTagsAsync(Context context, string value) =>
        context.Other.Clusters.PatchAsync(context.Key, d =>
        {
            d.OpenShiftCluster.Tags = new Dictionary<string, string> { ["env"] = value };
            d.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
            return true;
        });

    private static async Task OtherProcessDeletesAsync(Context context)
    {
        var document = await context.Other.Clusters.GetAsync(context.Key);
        await context.Other.Clusters.DeleteAsync(document!);
    }

    private static async Task RecreateAsync(Context context)
    {
        await OtherProcessDeletesAsync(context);
        await context.Arm.GetAsync(context.Url);
        await Expect(context.Arm.PutAsync(context.Url, context.Body), HttpStatusCode.Created);
    }

    private static Task SetSubscriptionStateAsync(Context context, string state) =>
        Retry.OnPreconditionFailedAsync(async ct =>
        {
            var document = await context.Other.Subscriptions.GetAsync(context.Cluster.SubscriptionId.ToLowerInvariant(), ct);
            document!.Subscription.State = state;
            return await context.Other.Subscriptions.ReplaceAsync(document, ct);
        });

    private Dictionary<string, string> Settings(string database) => database == "Cosmos" ? EmulatorSettings.Cosmos(emulators, "cache-") : [];

    /// <summary>One test's RP, its client, a simulated backend, another process on the same store, and the cluster under test.</summary>
    public sealed class Context : IAsyncDisposable
    {
        private Context(ConfiguredFrontendFactory factory)
        {
            Factory = factory;
            Arm = factory.CreateArmClient();
            Backend = new SimulatedBackend(factory);
            Other = new OtherProcessStore(factory, factory.Settings);
        }

        public ConfiguredFrontendFactory Factory { get; }

        public ArmClient Arm { get; }

        public SimulatedBackend Backend { get; }

        public OtherProcessStore Other { get; }

        public ClusterRef Cluster { get; } = ClusterRef.New();

        public string Url => Cluster.Url(Version);

        public string Key => Cluster.Id.ToLowerInvariant();

        public JObject Body { get; } = ApiVersionCases.Of(Version).CreateBody();

        public static Task<Context> CreateAsync(Dictionary<string, string> settings) => Task.FromResult(new Context(new ConfiguredFrontendFactory(settings)));

        public async ValueTask DisposeAsync()
        {
            Arm.Dispose();
            await Other.DisposeAsync();
            await Factory.DisposeAsync();
        }
    }
}
