using Newtonsoft.Json.Linq;
using Rp.Api.Tests.Fixtures;
using Xunit;
using Examples = Rp.Api.V20200430.Examples.OpenShiftClusterExamples;

namespace Rp.Api.Tests.V20200430;

public sealed class OpenShiftClusterStaticValidatorTests
{
    private const string Invalid = CloudErrorCodes.InvalidParameter;
    private const string Content = CloudErrorCodes.InvalidRequestContent;
    private const string Change = CloudErrorCodes.PropertyChangeNotAllowed;
    private const string VnetId = $"/subscriptions/{Examples.SubscriptionId}/resourceGroups/vnetResourceGroup/providers/Microsoft.Network/virtualNetworks/vnet";

    public static TheoryData<string, Action<JObject>, string?, string?> CreateCases => new()
    {
        { "valid", _ => { }, null, null },
        { "unknown field ignored", b => Cluster(b)["future"] = 1, null, null },
        { "id differs from URL", b => b["id"] = Examples.ResourceId + "x", Invalid, "id" },
        { "name differs from URL", b => b["name"] = "other", Invalid, "name" },
        { "type differs from URL", b => b["type"] = "Other/type", Invalid, "type" },
        { "location missing", b => b.Remove("location"), Invalid, "location" },
        { "properties an empty string", b => b["properties"] = "", Content, "properties" },
        { "worker profiles an empty string", b => P(b)["workerProfiles"] = "", Content, "properties.workerProfiles" },
        { "a worker profile an empty string", b => ((Newtonsoft.Json.Linq.JArray)P(b)["workerProfiles"]!)[0] = "", Content, "properties.workerProfiles[0]" },
        { "tags an empty string", b => b["tags"] = "", Content, "tags" },
        { "location not a region name", b => b["location"] = "east/../us", Invalid, "location" },
        { "location with a trailing newline", b => b["location"] = "eastus\n", Invalid, "location" },
        { "resource group id with a trailing newline", b => Cluster(b)["resourceGroupId"] = $"/subscriptions/{Examples.SubscriptionId}/resourceGroups/managed\n", Invalid, "properties.clusterProfile.resourceGroupId" },
        { "domain with a trailing newline", b => Cluster(b)["domain"] = "example.com\n", Invalid, "properties.clusterProfile.domain" },
        { "version with a trailing newline", b => Cluster(b)["version"] = "4.3.0\n", Invalid, "properties.clusterProfile.version" },
        { "systemData set", b => b["systemData"] = new JObject { ["createdBy"] = "me" }, Invalid, "systemData" },
        { "51 tags", b => b["tags"] = new JObject(Enumerable.Range(0, 51).Select(i => new JProperty($"t{i}", "v"))), Invalid, "tags" },
        { "tag key with ?", b => b["tags"] = new JObject { ["a?b"] = "v" }, Invalid, "tags" },
        { "provisioningState set", b => P(b)["provisioningState"] = "Creating", Invalid, "properties.provisioningState" },
        { "provisioningState a number", b => P(b)["provisioningState"] = 1, Content, "properties.provisioningState" },
        { "consoleProfile url set", b => P(b)["consoleProfile"] = new JObject { ["url"] = "https://console/" }, Invalid, "properties.consoleProfile.url" },
        { "apiserverProfile url set", b => Apiserver(b)["url"] = "https://api/", Invalid, "properties.apiserverProfile.url" },
        { "apiserverProfile ip set", b => Apiserver(b)["ip"] = "1.2.3.4", Invalid, "properties.apiserverProfile.ip" },
        { "ingress ip set", b => Ingresses(b)[0]!["ip"] = "1.2.3.4", Invalid, "properties.ingressProfiles[0].ip" },
        { "pullSecret missing", b => Cluster(b).Remove("pullSecret"), Invalid, "properties.clusterProfile.pullSecret" },
        { "clusterProfile missing", b => P(b).Remove("clusterProfile"), Invalid, "properties.clusterProfile.pullSecret" },
        { "pullSecret not JSON", b => Cluster(b)["pullSecret"] = "{not json", Invalid, "properties.clusterProfile.pullSecret" },
        { "pullSecret base64", b => Cluster(b)["pullSecret"] = "eyJhdXRocyI6e319", Invalid, "properties.clusterProfile.pullSecret" },
        { "pullSecret without auths", b => Cluster(b)["pullSecret"] = "{\"other\":{}}", Invalid, "properties.clusterProfile.pullSecret" },
        { "pullSecret auths not an object", b => Cluster(b)["pullSecret"] = "{\"auths\":[]}", Invalid, "properties.clusterProfile.pullSecret" },
        { "pullSecret with trailing text", b => Cluster(b)["pullSecret"] = "{\"auths\":{}} x", Invalid, "properties.clusterProfile.pullSecret" },
        { "pullSecret an object", b => Cluster(b)["pullSecret"] = new JObject { ["auths"] = new JObject() }, Content, "properties.clusterProfile.pullSecret" },
        { "minimal pullSecret", b => Cluster(b)["pullSecret"] = "{\"auths\":{}}", null, null },
        { "domain omitted", b => Cluster(b).Remove("domain"), null, null },
        { "domain a single label", b => Cluster(b)["domain"] = "mycluster", null, null },
        { "domain with an underscore", b => Cluster(b)["domain"] = "my_cluster.example.com", Invalid, "properties.clusterProfile.domain" },
        { "domain in uppercase", b => Cluster(b)["domain"] = "Example.com", Invalid, "properties.clusterProfile.domain" },
        { "domain with an empty label", b => Cluster(b)["domain"] = "a..b", Invalid, "properties.clusterProfile.domain" },
        { "domain of 254 characters", b => Cluster(b)["domain"] = string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".abc", Invalid, "properties.clusterProfile.domain" },
        { "version given", b => Cluster(b)["version"] = "4.3.0", null, null },
        { "version without patch", b => Cluster(b)["version"] = "4.3", Invalid, "properties.clusterProfile.version" },
        { "version with a suffix", b => Cluster(b)["version"] = "4.3.0-rc1", Invalid, "properties.clusterProfile.version" },
        { "resourceGroupId omitted", b => Cluster(b).Remove("resourceGroupId"), null, null },
        { "resourceGroupId not a resource group", b => Cluster(b)["resourceGroupId"] = $"/subscriptions/{Examples.SubscriptionId}/resourceGroups/rg/providers/x", Invalid, "properties.clusterProfile.resourceGroupId" },
        { "resourceGroupId subscription not a GUID", b => Cluster(b)["resourceGroupId"] = "/subscriptions/abc/resourceGroups/rg", Invalid, "properties.clusterProfile.resourceGroupId" },
        { "resourceGroupId ending with a dot", b => Cluster(b)["resourceGroupId"] = $"/subscriptions/{Examples.SubscriptionId}/resourceGroups/rg.", Invalid, "properties.clusterProfile.resourceGroupId" },
        { "resourceGroupId in another subscription", b => Cluster(b)["resourceGroupId"] = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg", Invalid, "properties.clusterProfile.resourceGroupId" },
        { "resourceGroupId the cluster's own", b => Cluster(b)["resourceGroupId"] = $"/subscriptions/{Examples.SubscriptionId}/resourceGroups/RESOURCEGROUP", Invalid, "properties.clusterProfile.resourceGroupId" },
        { "servicePrincipalProfile omitted", b => P(b).Remove("servicePrincipalProfile"), null, null },
        { "clientId not a GUID", b => ServicePrincipal(b)["clientId"] = "app", Invalid, "properties.servicePrincipalProfile.clientId" },
        { "clientId a GUID in braces", b => ServicePrincipal(b)["clientId"] = "{11111111-1111-1111-1111-111111111111}", Invalid, "properties.servicePrincipalProfile.clientId" },
        { "clientSecret missing", b => ServicePrincipal(b).Remove("clientSecret"), Invalid, "properties.servicePrincipalProfile.clientSecret" },
        { "clientSecret empty", b => ServicePrincipal(b)["clientSecret"] = "", Invalid, "properties.servicePrincipalProfile.clientSecret" },
        { "clientSecret without clientId", b => ServicePrincipal(b).Remove("clientId"), Invalid, "properties.servicePrincipalProfile.clientId" },
        { "networkProfile omitted", b => P(b).Remove("networkProfile"), null, null },
        { "podCidr with host bits", b => Network(b)["podCidr"] = "10.128.0.1/14", Invalid, "properties.networkProfile.podCidr" },
        { "podCidr /19", b => Network(b)["podCidr"] = "10.128.0.0/19", Invalid, "properties.networkProfile.podCidr" },
        { "serviceCidr /23", b => Network(b)["serviceCidr"] = "172.30.0.0/23", Invalid, "properties.networkProfile.serviceCidr" },
        { "serviceCidr overlaps podCidr", b => Network(b)["serviceCidr"] = "10.129.0.0/16", Invalid, "properties.networkProfile.serviceCidr" },
        { "podCidr too small for the nodes", b => { Network(b)["podCidr"] = "10.128.0.0/18"; Workers(b)[0]!["count"] = 30; }, Invalid, "properties.workerProfiles" },
        { "master vmSize unknown", b => Master(b)["vmSize"] = "Standard_D2s_v3", Invalid, "properties.masterProfile.vmSize" },
        { "master subnetId not a subnet", b => Master(b)["subnetId"] = VnetId, Invalid, "properties.masterProfile.subnetId" },
        { "master subnetId in another provider", b => Master(b)["subnetId"] = VnetId.Replace("Microsoft.Network", "Microsoft.Compute", StringComparison.Ordinal) + "/subnets/master", Invalid, "properties.masterProfile.subnetId" },
        { "master subnetId missing", b => Master(b).Remove("subnetId"), Invalid, "properties.masterProfile.subnetId" },
        { "worker subnetId missing", b => ((JObject)Workers(b)[0]!).Remove("subnetId"), Invalid, "properties.workerProfiles[0].subnetId" },
        { "no subnets at all", b => { Master(b).Remove("subnetId"); ((JObject)Workers(b)[0]!).Remove("subnetId"); }, null, null },
        { "worker subnet in another vnet", b => Workers(b)[0]!["subnetId"] = VnetId + "2/subnets/worker", Invalid, "properties.workerProfiles[0].subnetId" },
        { "worker subnet the masters'", b => Workers(b)[0]!["subnetId"] = VnetId + "/subnets/MASTER", Invalid, "properties.workerProfiles[0].subnetId" },
        { "worker subnetId in other casing", b => Workers(b)[0]!["subnetId"] = (VnetId + "/subnets/worker").ToUpperInvariant().Replace("/SUBSCRIPTIONS/", "/subscriptions/", StringComparison.Ordinal), null, null },
        { "workerProfiles omitted", b => P(b).Remove("workerProfiles"), Invalid, "properties.workerProfiles[0].subnetId" },
        { "workerProfiles empty", b => P(b)["workerProfiles"] = new JArray(), Invalid, "properties.workerProfiles" },
        { "worker names repeated", b => Workers(b).Add(Workers(b)[0]!.DeepClone()), Invalid, "properties.workerProfiles[1].name" },
        { "worker vmSize unknown", b => Workers(b)[0]!["vmSize"] = "Standard_A1", Invalid, "properties.workerProfiles[0].vmSize" },
        { "worker diskSizeGB 127", b => Workers(b)[0]!["diskSizeGB"] = 127, Invalid, "properties.workerProfiles[0].diskSizeGB" },
        { "worker count 2", b => Workers(b)[0]!["count"] = 2, Invalid, "properties.workerProfiles[0].count" },
        { "worker count 51", b => Workers(b)[0]!["count"] = 51, Invalid, "properties.workerProfiles[0].count" },
        { "worker count a boolean", b => Workers(b)[0]!["count"] = true, Content, "properties.workerProfiles[0].count" },
        { "apiserver visibility Private", b => Apiserver(b)["visibility"] = "Private", null, null },
        { "apiserver visibility in lowercase", b => Apiserver(b)["visibility"] = "private", null, null },
        { "apiserver visibility unknown", b => Apiserver(b)["visibility"] = "Internal", Invalid, "properties.apiserverProfile.visibility" },
        { "apiserverProfile omitted", b => P(b).Remove("apiserverProfile"), null, null },
        { "ingressProfiles omitted", b => P(b).Remove("ingressProfiles"), null, null },
        { "ingressProfiles empty", b => P(b)["ingressProfiles"] = new JArray(), Invalid, "properties.ingressProfiles" },
        { "ingress profile null", b => Ingresses(b)[0] = JValue.CreateNull(), Invalid, "properties.ingressProfiles[0]" },
        { "ingress name missing", b => ((JObject)Ingresses(b)[0]!).Remove("name"), Invalid, "properties.ingressProfiles[0].name" },
        { "ingress names repeated", b => Ingresses(b).Add(new JObject { ["name"] = "default" }), Invalid, "properties.ingressProfiles[1].name" },
        { "second ingress", b => Ingresses(b).Add(new JObject { ["name"] = "internal", ["visibility"] = "Private" }), null, null },
        { "ingress visibility unknown", b => Ingresses(b)[0]!["visibility"] = "Hidden", Invalid, "properties.ingressProfiles[0].visibility" },
        { "ingress visibility omitted", b => ((JObject)Ingresses(b)[0]!).Remove("visibility"), null, null },
    };

    public static TheoryData<string, Action<JObject>, string?, string?> UpdateCases => new()
    {
        { "unchanged", _ => { }, null, null },
        { "read-only fields omitted", b => { P(b).Remove("provisioningState"); P(b).Remove("consoleProfile"); Apiserver(b).Remove("url"); Apiserver(b).Remove("ip"); ((JObject)Ingresses(b)[0]!).Remove("ip"); }, null, null },
        { "immutable fields omitted", b => { P(b).Remove("clusterProfile"); P(b).Remove("servicePrincipalProfile"); P(b).Remove("networkProfile"); P(b).Remove("masterProfile"); P(b).Remove("workerProfiles"); P(b).Remove("apiserverProfile"); P(b).Remove("ingressProfiles"); }, null, null },
        { "properties omitted", b => b.Remove("properties"), null, null },
        { "new pull secret", b => Cluster(b)["pullSecret"] = "{\"auths\":{\"other\":{}}}", null, null },
        { "invalid pull secret", b => Cluster(b)["pullSecret"] = "[]", Invalid, "properties.clusterProfile.pullSecret" },
        { "new client secret", b => ServicePrincipal(b)["clientSecret"] = "rotated", null, null },
        { "version changed", b => Cluster(b)["version"] = "4.4.1", null, null },
        { "version invalid", b => Cluster(b)["version"] = "latest", Invalid, "properties.clusterProfile.version" },
        { "worker count changed", b => Workers(b)[0]!["count"] = 7, null, null },
        { "location changed", b => b["location"] = "westus", Change, "location" },
        { "name changed", b => b["name"] = "other", Change, "name" },
        { "systemData changed", b => b["systemData"]!["lastModifiedByType"] = "Application", Change, "systemData" },
        { "provisioningState changed", b => P(b)["provisioningState"] = "Failed", Change, "properties.provisioningState" },
        { "console url changed", b => P(b)["consoleProfile"]!["url"] = "https://other/", Change, "properties.consoleProfile.url" },
        { "apiserver url changed", b => Apiserver(b)["url"] = "https://other/", Change, "properties.apiserverProfile.url" },
        { "apiserver ip changed", b => Apiserver(b)["ip"] = "4.3.2.1", Change, "properties.apiserverProfile.ip" },
        { "ingress ip changed", b => Ingresses(b)[0]!["ip"] = "4.3.2.1", Change, "properties.ingressProfiles[0].ip" },
        { "domain changed", b => Cluster(b)["domain"] = "other.example.com", Change, "properties.clusterProfile.domain" },
        { "resourceGroupId changed", b => Cluster(b)["resourceGroupId"] = $"/subscriptions/{Examples.SubscriptionId}/resourceGroups/other", Change, "properties.clusterProfile.resourceGroupId" },
        { "clientId changed", b => ServicePrincipal(b)["clientId"] = "22222222-2222-2222-2222-222222222222", Change, "properties.servicePrincipalProfile.clientId" },
        { "podCidr changed", b => Network(b)["podCidr"] = "10.132.0.0/14", Change, "properties.networkProfile.podCidr" },
        { "serviceCidr changed", b => Network(b)["serviceCidr"] = "172.31.0.0/16", Change, "properties.networkProfile.serviceCidr" },
        { "master vmSize changed", b => Master(b)["vmSize"] = "Standard_D32s_v3", Change, "properties.masterProfile.vmSize" },
        { "master subnetId changed", b => { Master(b)["subnetId"] = VnetId + "/subnets/master2"; }, Change, "properties.masterProfile.subnetId" },
        { "worker vmSize changed", b => Workers(b)[0]!["vmSize"] = "Standard_D8s_v3", Change, "properties.workerProfiles[0].vmSize" },
        { "worker diskSizeGB changed", b => Workers(b)[0]!["diskSizeGB"] = 1024, Change, "properties.workerProfiles[0].diskSizeGB" },
        { "worker subnetId changed", b => Workers(b)[0]!["subnetId"] = VnetId + "/subnets/worker2", Change, "properties.workerProfiles[0].subnetId" },
        { "worker renamed", b => Workers(b)[0]!["name"] = "other", Change, "properties.workerProfiles" },
        { "apiserver visibility changed", b => Apiserver(b)["visibility"] = "Private", Change, "properties.apiserverProfile.visibility" },
        { "apiserver visibility in other casing", b => Apiserver(b)["visibility"] = "PUBLIC", null, null },
        { "ingress visibility changed", b => Ingresses(b)[0]!["visibility"] = "Private", Change, "properties.ingressProfiles[0].visibility" },
        { "ingress renamed", b => Ingresses(b)[0]!["name"] = "other", Change, "properties.ingressProfiles" },
        { "ingress added", b => Ingresses(b).Add(new JObject { ["name"] = "other" }), Change, "properties.ingressProfiles" },
    };

    [Theory]
    [MemberData(nameof(CreateCases))]
    public void ClusterToInternal_CreateBodyWithOneChange_ReturnsExpectedError(string name, Action<JObject> mutate, string? code, string? target)
    {
        var body = TestJson.Body(Examples.PutRequest());
        mutate(body);

        Clusters.V2020.ShouldApply(body, null, Clusters.NewTarget(), code, target, name);
    }

    [Theory]
    [MemberData(nameof(UpdateCases))]
    public void ClusterToInternal_UpdateBodyWithOneChange_ReturnsExpectedError(string name, Action<JObject> mutate, string? code, string? target)
    {
        var stored = Clusters.Stored2020();
        var body = Clusters.GetBody(Clusters.V2020, stored);
        mutate(body);

        Clusters.V2020.ShouldApply(body, stored, TestJson.Clone(stored), code, target, name);
    }

    private static JObject P(JObject body) => (JObject)body["properties"]!;

    private static JObject Cluster(JObject body) => (JObject)P(body)["clusterProfile"]!;

    private static JObject ServicePrincipal(JObject body) => (JObject)P(body)["servicePrincipalProfile"]!;

    private static JObject Network(JObject body) => (JObject)P(body)["networkProfile"]!;

    private static JObject Master(JObject body) => (JObject)P(body)["masterProfile"]!;

    private static JArray Workers(JObject body) => (JArray)P(body)["workerProfiles"]!;

    private static JObject Apiserver(JObject body) => (JObject)P(body)["apiserverProfile"]!;

    private static JArray Ingresses(JObject body) => (JArray)P(body)["ingressProfiles"]!;
}
