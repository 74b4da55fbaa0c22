using System.Text.Json;
using FluentAssertions;
using Rp.Api;
using Rp.Backend.Installer;
using Xunit;

namespace Rp.Backend.Tests.Installer;

public sealed class InfrastructureTemplateTests
{
    private const string ScaleSets = "Microsoft.Compute/virtualMachineScaleSets";
    private const string LoadBalancers = "Microsoft.Network/loadBalancers";

    public static TheoryData<string, string, string, string> VnetCases => new()
    {
        { "default when unset", "", "10.0.0.0/23", "10.0.2.0/23" },
        { "a /16", "172.16.0.0/16", "172.16.0.0/17", "172.16.128.0/17" },
        { "host bits set", "10.1.2.3/24", "10.1.2.0/25", "10.1.2.128/25" },
    };

    public static TheoryData<string, WorkerProfile[]> WorkerCases => new()
    {
        { "no workers", [] },
        { "one profile", [new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", Count = 3 }] },
        {
            "two profiles, default size and disk",
            [new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 256, Count = 2 }, new WorkerProfile { Name = "Infra Nodes", Count = 0 }]
        },
    };

    [Fact]
    public async Task Render_CreatedCluster_IsAnArmTemplate()
    {
        using var template = await RenderCreatedAsync();

        var root = template.RootElement;
        root.GetProperty("$schema").GetString().Should().Be("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        root.GetProperty("contentVersion").GetString().Should().Be("1.0.0.0");
        root.GetProperty("parameters").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("type").GetString()))
            .Should().BeEquivalentTo([("sshPublicKey", "string"), ("masterIgnition", "securestring"), ("workerIgnition", "securestring")]);
        foreach (var resource in Resources(template))
        {
            resource.GetProperty("type").GetString().Should().MatchRegex("^Microsoft\\.[A-Za-z]+/[A-Za-z]+$");
            resource.GetProperty("apiVersion").GetString().Should().MatchRegex("^\\d{4}-\\d{2}-\\d{2}$");
            resource.GetProperty("name").GetString().Should().MatchRegex("^[a-z0-9][a-z0-9-]*$");
            resource.GetProperty("location").GetString().Should().Be("eastus");
        }
    }

    [Fact]
    public async Task Render_CreatedCluster_HasTheClusterResources()
    {
        using var template = await RenderCreatedAsync();

        Resources(template).GroupBy(r => r.GetProperty("type").GetString()).ToDictionary(g => g.Key!, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["Microsoft.Network/networkSecurityGroups"] = 2,
            ["Microsoft.Network/virtualNetworks"] = 1,
            ["Microsoft.Storage/storageAccounts"] = 1,
            ["Microsoft.Network/publicIPAddresses"] = 2,
            [LoadBalancers] = 2,
            ["Microsoft.Network/networkInterfaces"] = 3,
            ["Microsoft.Compute/virtualMachines"] = 3,
            [ScaleSets] = 1,
        });

        var masters = OfType(template, "Microsoft.Compute/virtualMachines");
        masters.Select(m => m.GetProperty("properties").GetProperty("hardwareProfile").GetProperty("vmSize").GetString()).Should().AllBe("Standard_D8s_v3");
        masters.Select(m => m.GetProperty("properties").GetProperty("osProfile").GetProperty("customData").GetString()).Should().AllBe("[parameters('masterIgnition')]");
        masters.Select(m => m.GetProperty("properties").GetProperty("storageProfile").GetProperty("imageReference").GetProperty("sku").GetString()).Should().AllBe("aro_43");

        var loadBalancers = OfType(template, LoadBalancers);
        loadBalancers.Select(lb => lb.GetProperty("properties").GetProperty("loadBalancingRules").EnumerateArray().Select(r => r.GetProperty("properties").GetProperty("frontendPort").GetInt32()).ToArray())
            .Should().BeEquivalentTo([new[] { 6443 }, [80, 443]]);
    }

    [Theory]
    [MemberData(nameof(VnetCases))]
    public async Task Render_VnetCidr_SplitsIntoMasterAndWorkerSubnets(string name, string vnetCidr, string master, string worker)
    {
        var cluster = TestClusters.New();
        cluster.Properties.NetworkProfile.VnetCidr = vnetCidr.Length == 0 ? null : vnetCidr;
        using var template = await RenderCreatedAsync(cluster);

        var vnet = OfType(template, "Microsoft.Network/virtualNetworks").Single().GetProperty("properties");
        var subnets = vnet.GetProperty("subnets").EnumerateArray().Select(s => (s.GetProperty("name").GetString()![^13..], s.GetProperty("properties").GetProperty("addressPrefix").GetString()));

        subnets.Should().Equal([("master-subnet", master), ("worker-subnet", worker)], name);
    }

    [Theory]
    [MemberData(nameof(WorkerCases))]
    public async Task Render_WorkerProfiles_OneScaleSetEachWithItsCount(string name, WorkerProfile[] workers)
    {
        var cluster = TestClusters.New();
        cluster.Properties.WorkerProfiles = [.. workers];
        using var template = await RenderCreatedAsync(cluster);

        var scaleSets = OfType(template, ScaleSets).Select(s => (
            Name: s.GetProperty("name").GetString()!,
            Size: s.GetProperty("sku").GetProperty("name").GetString()!,
            Capacity: s.GetProperty("sku").GetProperty("capacity").GetInt32(),
            Disk: s.GetProperty("properties").GetProperty("virtualMachineProfile").GetProperty("storageProfile").GetProperty("osDisk").GetProperty("diskSizeGB").GetInt32()));

        scaleSets.Should().Equal(
            workers.Select(w => (Name: ClusterLayout.For(cluster).InfraId + "-" + w.Name!.ToLowerInvariant().Replace(' ', '-'), Size: w.VmSize ?? "Standard_D4s_v3", Capacity: w.Count, Disk: w.DiskSizeGB > 0 ? w.DiskSizeGB : 128)),
            name);
    }

    [Fact]
    public async Task Render_CreatedCluster_ContainsNoSecret()
    {
        var cluster = await TestClusters.CreatedAsync();

        var template = InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster));

        var properties = cluster.Properties;
        var secrets = new[]
        {
            TestClusters.PullSecret,
            TestClusters.ClientSecret,
            properties.KubeadminPassword!.Reveal(),
            properties.AdminKubeconfig!.Reveal(),
            PemBody(properties.Pki!.CaPrivateKeyPem!.Reveal()),
            PemBody(properties.Pki.AdminPrivateKeyPem!.Reveal()),
            "PRIVATE KEY",
        };
        template.Should().NotContainAny(secrets);
        template.Should().NotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(properties.Pki.AdminPrivateKeyPem.Reveal()))[..40]);
    }

    [Fact]
    public async Task Render_PrivateEndpoints_InternalFrontendsAtTheClusterAddresses()
    {
        var cluster = TestClusters.New();
        cluster.Properties.ApiserverProfile.Visibility = "Private";
        cluster.Properties.IngressProfiles.Add(new IngressProfile { Name = "default", Visibility = "Private" });
        using var template = await RenderCreatedAsync(cluster);

        OfType(template, "Microsoft.Network/publicIPAddresses").Should().BeEmpty();
        var frontends = OfType(template, LoadBalancers)
            .Select(lb => lb.GetProperty("properties").GetProperty("frontendIPConfigurations")[0].GetProperty("properties"))
            .Select(f => (f.GetProperty("privateIPAddress").GetString(), f.GetProperty("subnet").GetProperty("id").GetString()!.Split('\'')[^2][^13..]));
        frontends.Should().Equal(
            (cluster.Properties.ApiserverProfile.Ip, "master-subnet"),
            (cluster.Properties.IngressProfiles[0].Ip, "worker-subnet"));
    }

    [Fact]
    public async Task Render_SameCluster_SameText()
    {
        var cluster = await TestClusters.CreatedAsync();

        var first = InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster));
        var second = InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster));

        second.Should().Be(first);
    }

    [Fact]
    public async Task Render_InvalidVersion_ThrowsInvalidParameter()
    {
        var cluster = await TestClusters.CreatedAsync();
        cluster.Properties.ClusterProfile.Version = "latest";

        var act = () => InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster));

        act.Should().Throw<InstallerException>().Which.Code.Should().Be(CloudErrorCodes.InvalidParameter);
    }

    private static async Task<JsonDocument> RenderCreatedAsync(OpenShiftCluster? cluster = null)
    {
        cluster = await TestClusters.CreatedAsync(cluster);
        return JsonDocument.Parse(InfrastructureTemplate.Render(cluster, ClusterLayout.For(cluster)));
    }

    private static IEnumerable<JsonElement> Resources(JsonDocument template) => template.RootElement.GetProperty("resources").EnumerateArray();

    private static List<JsonElement> OfType(JsonDocument template, string type) =>
        Resources(template).Where(r => r.GetProperty("type").GetString() == type).ToList();

    private static string PemBody(string pem) => string.Concat(pem.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal)));
}
