using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Clusters;

/// <summary>
/// A newer binary may write fields this one does not know. They must survive everything this
/// binary does to the document: PUT and PATCH in either api-version, the forwarder, and whole
/// backend operations.
/// </summary>
public sealed class UnknownFieldTests(CompletingPipelineFactory factory) : IClassFixture<CompletingPipelineFactory>, IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    private static readonly (string Name, Action<OpenShiftClusterDocument, JToken> Add, Func<OpenShiftClusterDocument, JToken?> Get)[] Places =
    [
        ("document", (d, v) => Add(d, "futureDocumentField", v), d => Get(d, "futureDocumentField")),
        ("resource", (d, v) => Add(d.OpenShiftCluster, "futureResourceField", v), d => Get(d.OpenShiftCluster, "futureResourceField")),
        ("properties", (d, v) => Add(d.OpenShiftCluster.Properties, "futureProperty", v), d => Get(d.OpenShiftCluster.Properties, "futureProperty")),
        ("clusterProfile", (d, v) => Add(d.OpenShiftCluster.Properties.ClusterProfile, "futureClusterProfileField", v), d => Get(d.OpenShiftCluster.Properties.ClusterProfile, "futureClusterProfileField")),
        ("networkProfile", (d, v) => Add(d.OpenShiftCluster.Properties.NetworkProfile, "futureNetworkField", v), d => Get(d.OpenShiftCluster.Properties.NetworkProfile, "futureNetworkField")),
        ("workerProfiles[0]", (d, v) => Add(d.OpenShiftCluster.Properties.WorkerProfiles[0], "futureWorkerField", v), d => Get(d.OpenShiftCluster.Properties.WorkerProfiles[0], "futureWorkerField")),
        ("install", (d, v) => Add(d.OpenShiftCluster.Properties.Install, "futureInstallField", v), d => Get(d.OpenShiftCluster.Properties.Install, "futureInstallField")),
        ("pki", (d, v) => Add(d.OpenShiftCluster.Properties.Pki!, "futurePkiField", v), d => Get(d.OpenShiftCluster.Properties.Pki!, "futurePkiField")),
    ];

    [Fact]
    public async Task UnknownFields_PutPatchForwarderAndBackendOperations_AllSurvive()
    {
        var cluster = ClusterRef.New();
        var preview = PreviewVersion.Instance;
        var ga = V20200430Version.Instance;
        (await arm.PutAsync(cluster.Url(ga.Name), ga.CreateBody())).ShouldHaveStatus(HttpStatusCode.Created);
        await WaitForStateAsync(cluster, ga.Name, "Succeeded");

        // What a newer binary wrote: a value per place, each distinct, with nesting, arrays and a date-like string.
        var clusters = factory.GetRequiredService<IOpenShiftClusters>();
        var key = ResourceId.TryParse(cluster.Id, out var id) ? id!.Key : throw new InvalidOperationException();
        var expected = new Dictionary<string, JToken>();
        await clusters.PatchAsync(key, d =>
        {
            foreach (var (name, add, _) in Places)
            {
                var value = new JObject { ["place"] = name, ["nested"] = new JObject { ["list"] = new JArray(1, "two", 3.5) }, ["when"] = "2031-01-01T00:00:00Z" };
                add(d, value);
                expected[name] = value;
            }

            return true;
        });

        // A replace in the other api-version, a tags-only PATCH (synchronous), and a property PATCH:
        // each of the async ones is a full forwarder + backend operation.
        var replace = preview.CreateBody();
        (await arm.PutAsync(cluster.Url(preview.Name), replace)).ShouldHaveStatus(HttpStatusCode.OK);
        await WaitForStateAsync(cluster, preview.Name, "Succeeded");
        (await arm.PatchAsync(cluster.Url(ga.Name), new JObject { ["tags"] = new JObject { ["owner"] = "team" } })).ShouldHaveStatus(HttpStatusCode.OK);
        var patch = new JObject { ["properties"] = new JObject { ["workerProfiles"] = new JArray(new JObject { ["name"] = "worker", ["vmSize"] = "Standard_D2s_v3", ["diskSizeGB"] = 128, ["count"] = 4 }) } };
        (await arm.PatchAsync(cluster.Url(ga.Name), patch)).ShouldHaveStatus(HttpStatusCode.Accepted);
        var done = await WaitForStateAsync(cluster, ga.Name, "Succeeded");
        ((int?)done.Body.SelectToken("properties.workerProfiles[0].count")).Should().Be(4);

        var stored = await clusters.GetAsync(key);
        stored!.Unqueued.Should().BeFalse("the forwarder has handled the document");
        foreach (var (name, _, get) in Places)
        {
            var actual = get(stored);
            JToken.DeepEquals(actual, expected[name]).Should().BeTrue($"the unknown field in {name} must survive unchanged, but it is {actual}");
        }
    }

    public void Dispose() => arm.Dispose();

    private async Task<ArmResponse> WaitForStateAsync(ClusterRef cluster, string apiVersion, string state) =>
        await Eventually.UntilAsync(
            () => arm.GetAsync(cluster.Url(apiVersion)),
            r => r.StatusCode == HttpStatusCode.OK && r.ProvisioningState() == state,
            $"{cluster.Name} to be {state}");

    private static void Add(Extensible target, string name, JToken value) => (target.ExtensionData ??= new Dictionary<string, JToken>())[name] = value.DeepClone();

    private static JToken? Get(Extensible target, string name) => target.ExtensionData?.TryGetValue(name, out var value) == true ? value : null;
}
