using System.Text;
using Newtonsoft.Json.Linq;
using Rp.Api.Tests.Fixtures;
using Xunit;
using Examples = Rp.Api.V20191231Preview.Examples.OpenShiftClusterExamples;

namespace Rp.Api.Tests.V20191231Preview;

public sealed class OpenShiftClusterStaticValidatorTests
{
    private const string Invalid = CloudErrorCodes.InvalidParameter;
    private const string Content = CloudErrorCodes.InvalidRequestContent;
    private const string Change = CloudErrorCodes.PropertyChangeNotAllowed;

    public static TheoryData<string, Action<JObject>, string?, string?> CreateCases => new()
    {
        { "valid", _ => { }, null, null },
        { "unknown field ignored", b => P(b)["future"] = 1, null, null },
        { "id, name and type repeated in other casing", b => { b["id"] = Examples.ResourceId.ToUpperInvariant(); b["name"] = Examples.ResourceName.ToUpperInvariant(); b["type"] = "redhat.openshift/openshiftclusters"; }, null, null },
        { "id differs from URL", b => b["id"] = Examples.ResourceId + "x", Invalid, "id" },
        { "name differs from URL", b => b["name"] = "other", Invalid, "name" },
        { "type differs from URL", b => b["type"] = "Microsoft.Compute/virtualMachines", Invalid, "type" },
        { "location missing", b => b.Remove("location"), Invalid, "location" },
        { "network profile an empty string", b => P(b)["networkProfile"] = "", Content, "properties.networkProfile" },
        { "location blank", b => b["location"] = " ", Invalid, "location" },
        { "location not a string", b => b["location"] = 1, Content, "location" },
        { "systemData set", b => b["systemData"] = new JObject { ["createdBy"] = "me" }, Invalid, "systemData" },
        { "50 tags", b => b["tags"] = Tags(50), null, null },
        { "51 tags", b => b["tags"] = Tags(51), Invalid, "tags" },
        { "tag key of 512", b => b["tags"] = new JObject { [new string('k', 512)] = "v" }, null, null },
        { "tag key of 513", b => b["tags"] = new JObject { [new string('k', 513)] = "v" }, Invalid, "tags" },
        { "tag key empty", b => b["tags"] = new JObject { [""] = "v" }, Invalid, "tags" },
        { "tag value of 256", b => b["tags"] = new JObject { ["k"] = new string('v', 256) }, null, null },
        { "tag value of 257", b => b["tags"] = new JObject { ["k"] = new string('v', 257) }, Invalid, "tags" },
        { "tag value empty", b => b["tags"] = new JObject { ["k"] = "" }, null, null },
        { "tag key with <", b => b["tags"] = new JObject { ["a<b"] = "v" }, Invalid, "tags" },
        { "tag key with >", b => b["tags"] = new JObject { ["a>b"] = "v" }, Invalid, "tags" },
        { "tag key with %", b => b["tags"] = new JObject { ["a%b"] = "v" }, Invalid, "tags" },
        { "tag key with &", b => b["tags"] = new JObject { ["a&b"] = "v" }, Invalid, "tags" },
        { "tag key with \\", b => b["tags"] = new JObject { ["a\\b"] = "v" }, Invalid, "tags" },
        { "tag key with ?", b => b["tags"] = new JObject { ["a?b"] = "v" }, Invalid, "tags" },
        { "tag key with /", b => b["tags"] = new JObject { ["a/b"] = "v" }, Invalid, "tags" },
        { "tag key with a control character", b => b["tags"] = new JObject { ["a\u0007b"] = "v" }, Invalid, "tags" },
        { "tag keys differing only in case", b => b["tags"] = new JObject { ["Key"] = "a", ["key"] = "b" }, Invalid, "tags" },
        { "tag value null", b => b["tags"] = new JObject { ["k"] = null }, Invalid, "tags" },
        { "tag value a number", b => b["tags"] = new JObject { ["k"] = 1 }, Content, "tags.k" },
        { "tags an array", b => b["tags"] = new JArray("a"), Content, "tags" },
        { "properties a string", b => b["properties"] = "x", Content, "properties" },
        { "provisioningState set", b => P(b)["provisioningState"] = "Succeeded", Invalid, "properties.provisioningState" },
        { "failedProvisioningState set", b => P(b)["failedProvisioningState"] = "Creating", Invalid, "properties.failedProvisioningState" },
        { "apiserverURL set", b => P(b)["apiserverURL"] = "https://api/", Invalid, "properties.apiserverURL" },
        { "consoleURL set", b => P(b)["consoleURL"] = "https://console/", Invalid, "properties.consoleURL" },
        { "pullSecret missing", b => P(b).Remove("pullSecret"), Invalid, "properties.pullSecret" },
        { "pullSecret null", b => P(b)["pullSecret"] = null, Invalid, "properties.pullSecret" },
        { "pullSecret empty", b => P(b)["pullSecret"] = "", Invalid, "properties.pullSecret" },
        { "pullSecret not base64", b => P(b)["pullSecret"] = "{\"auths\":{}}", Invalid, "properties.pullSecret" },
        { "pullSecret base64 of bytes that are not UTF-8", b => P(b)["pullSecret"] = Convert.ToBase64String([0xff, 0xfe, 0xfd]), Invalid, "properties.pullSecret" },
        { "pullSecret base64 of any text", b => P(b)["pullSecret"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("text")), null, null },
        { "pullSecret an object", b => P(b)["pullSecret"] = new JObject { ["auths"] = new JObject() }, Content, "properties.pullSecret" },
        { "networkProfile missing", b => P(b).Remove("networkProfile"), null, null },
        { "vnetCidr without prefix", b => Network(b)["vnetCidr"] = "10.0.0.0", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr with host bits", b => Network(b)["vnetCidr"] = "10.0.0.1/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr with a leading zero", b => Network(b)["vnetCidr"] = "010.0.0.0/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr with an octet over 255", b => Network(b)["vnetCidr"] = "10.256.0.0/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr IPv6", b => Network(b)["vnetCidr"] = "fd00::/48", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr /7", b => Network(b)["vnetCidr"] = "10.0.0.0/7", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr /27", b => Network(b)["vnetCidr"] = "10.0.0.0/27", null, null },
        { "vnetCidr /28", b => Network(b)["vnetCidr"] = "10.0.0.0/28", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr loopback", b => Network(b)["vnetCidr"] = "127.0.0.0/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr link-local", b => Network(b)["vnetCidr"] = "169.254.0.0/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr multicast", b => Network(b)["vnetCidr"] = "224.0.0.0/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "vnetCidr around Azure's platform address", b => Network(b)["vnetCidr"] = "168.63.0.0/16", Invalid, "properties.networkProfile.vnetCidr" },
        { "podCidr /18", b => { Network(b)["podCidr"] = "10.128.0.0/18"; Workers(b)[0]!["count"] = 29; }, null, null },
        { "podCidr /19", b => Network(b)["podCidr"] = "10.128.0.0/19", Invalid, "properties.networkProfile.podCidr" },
        { "podCidr too small for the nodes", b => { Network(b)["podCidr"] = "10.128.0.0/18"; Workers(b)[0]!["count"] = 30; }, Invalid, "properties.workerProfiles" },
        { "serviceCidr /22", b => Network(b)["serviceCidr"] = "172.30.0.0/22", null, null },
        { "serviceCidr /23", b => Network(b)["serviceCidr"] = "172.30.0.0/23", Invalid, "properties.networkProfile.serviceCidr" },
        { "serviceCidr a number", b => Network(b)["serviceCidr"] = 16, Content, "properties.networkProfile.serviceCidr" },
        { "podCidr overlaps vnetCidr", b => Network(b)["podCidr"] = "10.0.0.0/14", Invalid, "properties.networkProfile.podCidr" },
        { "serviceCidr overlaps vnetCidr", b => Network(b)["serviceCidr"] = "10.0.128.0/22", Invalid, "properties.networkProfile.serviceCidr" },
        { "serviceCidr overlaps podCidr", b => Network(b)["serviceCidr"] = "10.130.0.0/16", Invalid, "properties.networkProfile.serviceCidr" },
        { "masterProfile missing", b => P(b).Remove("masterProfile"), null, null },
        { "master vmSize a worker size", b => P(b)["masterProfile"]!["vmSize"] = "Standard_D2s_v3", Invalid, "properties.masterProfile.vmSize" },
        { "master vmSize unknown", b => P(b)["masterProfile"]!["vmSize"] = "Standard_X1", Invalid, "properties.masterProfile.vmSize" },
        { "master vmSize in lowercase", b => P(b)["masterProfile"]!["vmSize"] = "standard_e16s_v3", null, null },
        { "workerProfiles missing", b => P(b).Remove("workerProfiles"), null, null },
        { "workerProfiles empty", b => P(b)["workerProfiles"] = new JArray(), Invalid, "properties.workerProfiles" },
        { "workerProfiles an object", b => P(b)["workerProfiles"] = new JObject(), Content, "properties.workerProfiles" },
        { "10 workerProfiles", b => P(b)["workerProfiles"] = new JArray(Enumerable.Range(0, 10).Select(i => new JObject { ["name"] = $"w{i}" })), null, null },
        { "11 workerProfiles", b => P(b)["workerProfiles"] = new JArray(Enumerable.Range(0, 11).Select(i => new JObject { ["name"] = $"w{i}" })), Invalid, "properties.workerProfiles" },
        { "worker profile null", b => Workers(b)[0] = JValue.CreateNull(), Invalid, "properties.workerProfiles[0]" },
        { "worker name missing", b => ((JObject)Workers(b)[0]!).Remove("name"), Invalid, "properties.workerProfiles[0].name" },
        { "worker name not a DNS label", b => Workers(b)[0]!["name"] = "Worker_1", Invalid, "properties.workerProfiles[0].name" },
        { "worker names repeated", b => Workers(b).Add(new JObject { ["name"] = "worker" }), Invalid, "properties.workerProfiles[1].name" },
        { "second worker profile", b => Workers(b).Add(new JObject { ["name"] = "infra" }), null, null },
        { "worker vmSize unknown", b => Workers(b)[0]!["vmSize"] = "Standard_X1", Invalid, "properties.workerProfiles[0].vmSize" },
        { "worker vmSize an E size", b => Workers(b)[0]!["vmSize"] = "Standard_E4s_v3", null, null },
        { "worker diskSizeGB 127", b => Workers(b)[0]!["diskSizeGB"] = 127, Invalid, "properties.workerProfiles[0].diskSizeGB" },
        { "worker diskSizeGB 2048", b => Workers(b)[0]!["diskSizeGB"] = 2048, null, null },
        { "worker diskSizeGB 2049", b => Workers(b)[0]!["diskSizeGB"] = 2049, Invalid, "properties.workerProfiles[0].diskSizeGB" },
        { "worker count 2", b => Workers(b)[0]!["count"] = 2, Invalid, "properties.workerProfiles[0].count" },
        { "worker count 50", b => Workers(b)[0]!["count"] = 50, null, null },
        { "worker count 51", b => Workers(b)[0]!["count"] = 51, Invalid, "properties.workerProfiles[0].count" },
        { "worker count a string", b => Workers(b)[0]!["count"] = "3", Content, "properties.workerProfiles[0].count" },
        { "worker count fractional", b => Workers(b)[0]!["count"] = 3.5, Content, "properties.workerProfiles[0].count" },
        { "worker count beyond 32 bits", b => Workers(b)[0]!["count"] = 1L << 40, Content, "properties.workerProfiles[0].count" },
    };

    public static TheoryData<string, Action<JObject>, string?, string?> UpdateCases => new()
    {
        { "unchanged", _ => { }, null, null },
        { "read-only fields omitted", b => { P(b).Remove("provisioningState"); P(b).Remove("failedProvisioningState"); P(b).Remove("apiserverURL"); P(b).Remove("consoleURL"); b.Remove("systemData"); }, null, null },
        { "immutable fields omitted", b => { P(b).Remove("networkProfile"); P(b).Remove("masterProfile"); P(b).Remove("workerProfiles"); }, null, null },
        { "properties omitted", b => b.Remove("properties"), null, null },
        { "new pull secret", b => P(b)["pullSecret"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"auths\":{\"other\":{}}}")), null, null },
        { "invalid pull secret", b => P(b)["pullSecret"] = "not base64!", Invalid, "properties.pullSecret" },
        { "tags replaced", b => b["tags"] = new JObject { ["other"] = "tag" }, null, null },
        { "tags removed", b => b.Remove("tags"), null, null },
        { "location in display form", b => b["location"] = "East US", null, null },
        { "location changed", b => b["location"] = "westus", Change, "location" },
        { "location removed", b => b.Remove("location"), Invalid, "location" },
        { "id changed", b => b["id"] = Examples.ResourceId + "x", Change, "id" },
        { "name changed", b => b["name"] = "other", Change, "name" },
        { "type changed", b => b["type"] = "Other/type", Change, "type" },
        { "systemData changed", b => b["systemData"]!["createdBy"] = "someone else", Change, "systemData" },
        { "systemData dates in another offset", b => b["systemData"]!["createdAt"] = "2020-02-03T06:05:06.789+02:00", null, null },
        { "provisioningState changed", b => P(b)["provisioningState"] = "Succeeded", Change, "properties.provisioningState" },
        { "provisioningState in other casing", b => P(b)["provisioningState"] = "failed", null, null },
        { "failedProvisioningState changed", b => P(b)["failedProvisioningState"] = "Updating", Change, "properties.failedProvisioningState" },
        { "apiserverURL changed", b => P(b)["apiserverURL"] = "https://other/", Change, "properties.apiserverURL" },
        { "consoleURL changed", b => P(b)["consoleURL"] = "https://other/", Change, "properties.consoleURL" },
        { "vnetCidr changed", b => Network(b)["vnetCidr"] = "10.1.0.0/16", Change, "properties.networkProfile.vnetCidr" },
        { "podCidr changed", b => Network(b)["podCidr"] = "10.132.0.0/14", Change, "properties.networkProfile.podCidr" },
        { "serviceCidr changed", b => Network(b)["serviceCidr"] = "172.31.0.0/16", Change, "properties.networkProfile.serviceCidr" },
        { "master vmSize changed", b => P(b)["masterProfile"]!["vmSize"] = "Standard_D16s_v3", Change, "properties.masterProfile.vmSize" },
        { "master vmSize in other casing", b => P(b)["masterProfile"]!["vmSize"] = "STANDARD_D8S_V3", null, null },
        { "worker count changed", b => Workers(b)[0]!["count"] = 10, null, null },
        { "worker count omitted", b => ((JObject)Workers(b)[0]!).Remove("count"), null, null },
        { "worker vmSize changed", b => Workers(b)[0]!["vmSize"] = "Standard_D4s_v3", Change, "properties.workerProfiles[0].vmSize" },
        { "worker diskSizeGB changed", b => Workers(b)[0]!["diskSizeGB"] = 256, Change, "properties.workerProfiles[0].diskSizeGB" },
        { "worker renamed", b => Workers(b)[0]!["name"] = "other", Change, "properties.workerProfiles" },
        { "worker added", b => Workers(b).Add(new JObject { ["name"] = "infra" }), Change, "properties.workerProfiles" },
        { "workers emptied", b => P(b)["workerProfiles"] = new JArray(), Change, "properties.workerProfiles" },
        { "worker count invalid", b => Workers(b)[0]!["count"] = 51, Invalid, "properties.workerProfiles[0].count" },
    };

    [Theory]
    [MemberData(nameof(CreateCases))]
    public void ClusterToInternal_CreateBodyWithOneChange_ReturnsExpectedError(string name, Action<JObject> mutate, string? code, string? target)
    {
        var body = TestJson.Body(Examples.PutRequest());
        mutate(body);

        Clusters.V2019.ShouldApply(body, null, Clusters.NewTarget(), code, target, name);
    }

    [Theory]
    [MemberData(nameof(UpdateCases))]
    public void ClusterToInternal_UpdateBodyWithOneChange_ReturnsExpectedError(string name, Action<JObject> mutate, string? code, string? target)
    {
        var stored = Clusters.Stored2019();
        var body = Clusters.GetBody(Clusters.V2019, stored);
        mutate(body);

        Clusters.V2019.ShouldApply(body, stored, TestJson.Clone(stored), code, target, name);
    }

    private static JObject P(JObject body) => (JObject)body["properties"]!;

    private static JObject Network(JObject body) => (JObject)P(body)["networkProfile"]!;

    private static JArray Workers(JObject body) => (JArray)P(body)["workerProfiles"]!;

    private static JObject Tags(int count) => new(Enumerable.Range(0, count).Select(i => new JProperty($"tag{i}", "v")));
}
