using System.Text;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Rp.Api.Tests.Fixtures;
using Xunit;

namespace Rp.Api.Tests;

/// <summary>
/// Every api-version reads and writes the same stored clusters: what one version writes back from
/// its own view must leave what it does not show (the other version's fields, secrets, internal and
/// unknown fields) exactly as it was.
/// </summary>
public sealed class CrossVersionRoundTripTests
{
    private const int ClusterCount = 200;
    private const string V2019 = "2019-12-31-preview";
    private const string V2020 = "2020-04-30";

    private static readonly ApiVersions Versions =
        new ServiceCollection().AddRpApiVersions().BuildServiceProvider().GetRequiredService<ApiVersions>();

    public static TheoryData<string, string[], bool> Orders => new()
    {
        { "2019 then 2020, onto a copy", [V2019, V2020], false },
        { "2020 then 2019, onto a copy", [V2020, V2019], false },
        { "2019 then 2020, in place", [V2019, V2020], true },
        { "2020 then 2019, in place", [V2020, V2019], true },
    };

    public static TheoryData<string, string, Action<JObject, OpenShiftCluster, int>> MutableChanges => new()
    {
        {
            "2019: tags and a worker count", V2019, (body, expected, n) =>
            {
                body["tags"] = new JObject { ["patched"] = $"{n}" };
                expected.Tags = new Dictionary<string, string> { ["patched"] = $"{n}" };
                body["properties"]!["workerProfiles"]!.Last!["count"] = 3 + (n % 48);
                expected.Properties.WorkerProfiles[^1].Count = 3 + (n % 48);
            }
        },
        {
            "2019: new pull secret, tags removed", V2019, (body, expected, n) =>
            {
                body.Remove("tags");
                expected.Tags = null;
                body["properties"]!["pullSecret"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"pull-secret-{n}"));
                expected.Properties.ClusterProfile.PullSecret = new Secret($"pull-secret-{n}");
            }
        },
        {
            "2020: tags and a worker count", V2020, (body, expected, n) =>
            {
                body["tags"] = new JObject { ["patched"] = $"{n}" };
                expected.Tags = new Dictionary<string, string> { ["patched"] = $"{n}" };
                body["properties"]!["workerProfiles"]![0]!["count"] = 50 - (n % 48);
                expected.Properties.WorkerProfiles[0].Count = 50 - (n % 48);
            }
        },
        {
            "2020: version and rotated secrets", V2020, (body, expected, n) =>
            {
                body["properties"]!["clusterProfile"]!["version"] = $"5.0.{n}";
                expected.Properties.ClusterProfile.Version = $"5.0.{n}";
                body["properties"]!["clusterProfile"]!["pullSecret"] = PullSecret(n);
                expected.Properties.ClusterProfile.PullSecret = new Secret(PullSecret(n));
                body["properties"]!["servicePrincipalProfile"]!["clientSecret"] = $"rotated-{n}";
                expected.Properties.ServicePrincipalProfile.ClientSecret = new Secret($"rotated-{n}");
            }
        },
    };

    public static TheoryData<string, string, string> CreatedAndUpdated => new()
    {
        { "created in 2019, written back in 2019", V2019, V2019 },
        { "created in 2019, written back in 2020", V2019, V2020 },
        { "created in 2020, written back in 2019", V2020, V2019 },
        { "created in 2020, written back in 2020", V2020, V2020 },
    };

    public static TheoryData<string> VersionNames => [V2019, V2020];

    [Theory]
    [MemberData(nameof(Orders))]
    public void ClusterToInternal_EachVersionsOwnView_LeavesRandomClustersUnchanged(string name, string[] order, bool inPlace)
    {
        var generator = new RandomClusters(seed: 20200430);
        for (var n = 0; n < ClusterCount; n++)
        {
            var stored = generator.Next();
            var expected = TestJson.Serialize(stored);
            var cluster = TestJson.Clone(stored);
            foreach (var version in order.Select(v => Versions[v]))
            {
                var body = TestJson.Body(version.ClusterToExternal(cluster));
                var target = inPlace ? cluster : TestJson.Clone(cluster);
                version.ClusterToInternal(body, cluster, target);
                cluster = target;
            }

            TestJson.Serialize(cluster).Should().Be(expected, $"{name}: cluster {n} must round-trip");
        }
    }

    [Theory]
    [MemberData(nameof(MutableChanges))]
    public void ClusterToInternal_MutableFieldsChanged_ChangesNothingElse(string name, string versionName, Action<JObject, OpenShiftCluster, int> change)
    {
        var version = Versions[versionName];
        var generator = new RandomClusters(seed: 20191231);
        for (var n = 0; n < ClusterCount; n++)
        {
            var stored = generator.Next();
            var body = TestJson.Body(version.ClusterToExternal(stored));
            var expected = TestJson.Clone(stored);
            change(body, expected, n);
            var target = TestJson.Clone(stored);

            version.ClusterToInternal(body, stored, target);

            TestJson.Serialize(target).Should().Be(TestJson.Serialize(expected), $"{name}: cluster {n}");
        }
    }

    [Theory]
    [MemberData(nameof(CreatedAndUpdated))]
    public void ClusterToInternal_ClusterCreatedInAnotherVersion_RoundTrips(string name, string createdIn, string updatedIn)
    {
        var stored = createdIn == V2019 ? Clusters.Stored2019() : Clusters.Stored2020();
        var expected = TestJson.Serialize(stored);
        var version = Versions[updatedIn];

        version.ClusterToInternal(Clusters.GetBody(version, stored), stored, stored);

        TestJson.Serialize(stored).Should().Be(expected, name);
    }

    [Theory]
    [MemberData(nameof(VersionNames))]
    public void ClusterToExternal_RandomClusters_NeverShowsASecretOrAnInternalField(string versionName)
    {
        var version = Versions[versionName];
        var generator = new RandomClusters(seed: 7);
        for (var n = 0; n < ClusterCount; n++)
        {
            var cluster = generator.Next();

            var text = version.ClusterToExternal(cluster).ToString();

            foreach (var secret in RandomClusters.Secrets(cluster))
            {
                text.Should().NotContain(secret).And.NotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
            }

            text.Should().NotContainAny("pullSecret", "clientSecret", "kubeadmin", "kubeconfig", "pki", "lastProvisioningState", "install", "future");
        }
    }

    [Theory]
    [MemberData(nameof(VersionNames))]
    public void ClusterToInternal_StoredUnknownFields_SurviveAndStayHidden(string versionName)
    {
        var version = Versions[versionName];
        var stored = Clusters.Stored2020();
        stored.ExtensionData = new Dictionary<string, JToken> { ["futureTop"] = 1 };
        stored.Properties.ExtensionData = new Dictionary<string, JToken> { ["futureProperties"] = new JObject { ["a"] = new JArray(1, "b") } };
        stored.Properties.WorkerProfiles[0].ExtensionData = new Dictionary<string, JToken> { ["futureWorker"] = "x" };
        var body = Clusters.GetBody(version, stored);
        body["properties"]!["workerProfiles"]![0]!["count"] = 9;
        var target = TestJson.Clone(stored);

        version.ClusterToInternal(body, stored, target);

        body.ToString().Should().NotContain("future");
        target.ExtensionData.Should().ContainKey("futureTop");
        JToken.DeepEquals(target.Properties.ExtensionData!["futureProperties"], stored.Properties.ExtensionData["futureProperties"]).Should().BeTrue();
        target.Properties.WorkerProfiles[0].ExtensionData.Should().ContainKey("futureWorker");
        target.Properties.WorkerProfiles[0].Count.Should().Be(9);
    }

    private static string PullSecret(int n) =>
        new JObject { ["auths"] = new JObject { [$"registry{n}.example.com"] = new JObject() } }.ToString(Newtonsoft.Json.Formatting.None);
}
