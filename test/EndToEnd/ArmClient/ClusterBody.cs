using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests.ArmClient;

/// <summary>The <c>properties</c> of a 2020-04-30 cluster, as a template deployment would send them.</summary>
internal static class ClusterBody
{
    public const string Location = "eastus";

    public static BinaryData Properties(string subscriptionId, string name, int workerCount) =>
        BinaryData.FromString(new JsonObject
        {
            ["clusterProfile"] = new JsonObject
            {
                ["pullSecret"] = """{"auths":{"registry.example.com":{"auth":"ZXhhbXBsZTpleGFtcGxl"}}}""",
                ["domain"] = $"{name}.example.com",
                ["resourceGroupId"] = $"/subscriptions/{subscriptionId}/resourceGroups/aro-{name}",
            },
            ["servicePrincipalProfile"] = new JsonObject
            {
                ["clientId"] = "11111111-1111-1111-1111-111111111111",
                ["clientSecret"] = "clientSecret",
            },
            ["networkProfile"] = new JsonObject { ["podCidr"] = "10.128.0.0/14", ["serviceCidr"] = "172.30.0.0/16" },
            ["masterProfile"] = new JsonObject { ["vmSize"] = "Standard_D8s_v3", ["subnetId"] = Subnet(subscriptionId, "master") },
            ["workerProfiles"] = WorkerProfiles(subscriptionId, workerCount),
            ["apiserverProfile"] = new JsonObject { ["visibility"] = "Public" },
            ["ingressProfiles"] = new JsonArray(new JsonObject { ["name"] = "default", ["visibility"] = "Public" }),
        }.ToJsonString());

    /// <summary>A PATCH of the worker count: a merge patch replaces arrays whole, so the pool is sent whole.</summary>
    public static BinaryData WorkerCountPatch(string subscriptionId, int workerCount) =>
        BinaryData.FromString(new JsonObject { ["workerProfiles"] = WorkerProfiles(subscriptionId, workerCount) }.ToJsonString());

    public static string ProvisioningState(BinaryData properties) => Read(properties).GetProperty("provisioningState").GetString()!;

    public static int WorkerCount(BinaryData properties) => Read(properties).GetProperty("workerProfiles")[0].GetProperty("count").GetInt32();

    private static JsonArray WorkerProfiles(string subscriptionId, int count) => new(new JsonObject
    {
        ["name"] = "worker",
        ["vmSize"] = "Standard_D2s_v3",
        ["diskSizeGB"] = 128,
        ["subnetId"] = Subnet(subscriptionId, "worker"),
        ["count"] = count,
    });

    private static string Subnet(string subscriptionId, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/vnet/providers/Microsoft.Network/virtualNetworks/vnet/subnets/{name}";

    private static JsonElement Read(BinaryData properties) => JsonDocument.Parse(properties).RootElement;
}
