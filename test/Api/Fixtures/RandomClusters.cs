using System.Globalization;
using Newtonsoft.Json.Linq;
using Rp.Api.Validation;

namespace Rp.Api.Tests.Fixtures;

/// <summary>
/// Seeded generator of valid internal clusters with every field set, each valid for every
/// api-version: ranges that do not overlap and have room for the nodes, subnets of one virtual
/// network, unique names, distinctive secrets, and unknown fields at several depths.
/// </summary>
internal sealed class RandomClusters(int seed)
{
    private static readonly string[] Locations = ["eastus", "westeurope", "australiaeast", "japaneast"];
    private static readonly string[] ProfileNames = ["worker", "infra", "pool-1", "gpu", "a", "z9"];

    private readonly Random random = new(seed);

    public OpenShiftCluster Next()
    {
        var subscriptionId = Guid().ToString();
        var id = new ResourceId(subscriptionId, $"rg-{Word()}", $"cluster-{Word()}");
        var vnetId = $"/subscriptions/{Guid()}/resourceGroups/vnet-{Word()}/providers/Microsoft.Network/virtualNetworks/vnet-{Word()}";
        return new OpenShiftCluster
        {
            Id = id.ToString(),
            Name = id.Name,
            Type = OpenShiftCluster.ResourceType,
            Location = Pick(Locations),
            Tags = Tags(),
            SystemData = Chance() ? null : SystemData(),
            ExtensionData = Unknown(),
            Properties = new OpenShiftClusterProperties
            {
                ProvisioningState = Pick(Enum.GetValues<ProvisioningState>()),
                LastProvisioningState = Chance() ? null : Pick(Enum.GetValues<ProvisioningState>()),
                FailedProvisioningState = Chance() ? null : Pick(Enum.GetValues<ProvisioningState>()),
                ClusterProfile = new ClusterProfile
                {
                    PullSecret = new Secret(new JObject { ["auths"] = new JObject { ["registry.example.com"] = new JObject { ["auth"] = SecretText() } } }.ToString(Newtonsoft.Json.Formatting.None)),
                    Domain = $"{Word()}.{Word()}.example.com",
                    Version = $"4.{random.Next(1, 20)}.{random.Next(0, 100)}",
                    ResourceGroupId = $"/subscriptions/{subscriptionId}/resourceGroups/aro-{Word()}",
                    ExtensionData = Unknown(),
                },
                ConsoleProfile = new ConsoleProfile { Url = $"https://console.{Word()}.example.com/" },
                ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = Guid().ToString(), ClientSecret = new Secret(SecretText()) },
                NetworkProfile = new NetworkProfile
                {
                    VnetCidr = Cidr(10u << 24, 9, random.Next(16, 25)),
                    PodCidr = Cidr((10u << 24) | (128u << 16), 9, random.Next(14, 16)),
                    ServiceCidr = Cidr((172u << 24) | (16u << 16), 12, random.Next(16, 23)),
                    ExtensionData = Unknown(),
                },
                MasterProfile = new MasterProfile { VmSize = Pick(VmSizes.Master), SubnetId = $"{vnetId}/subnets/master-{Word()}" },
                WorkerProfiles = [.. Names().Select(name => new WorkerProfile
                {
                    Name = name,
                    VmSize = Pick(VmSizes.Worker),
                    DiskSizeGB = random.Next(ProfileRules.MinDiskSizeGB, ProfileRules.MaxDiskSizeGB + 1),
                    SubnetId = $"{vnetId}/subnets/worker-{name}",
                    Count = random.Next(ProfileRules.MinWorkerCount, ProfileRules.MaxWorkerCount + 1),
                    ExtensionData = Unknown(),
                })],
                ApiserverProfile = new ApiserverProfile { Visibility = Visibility(), Url = $"https://api.{Word()}.example.com:6443/", Ip = Ip() },
                IngressProfiles = [.. Names().Select(name => new IngressProfile { Name = name, Visibility = Visibility(), Ip = Ip(), ExtensionData = Unknown() })],
                KubeadminPassword = new Secret(SecretText()),
                AdminKubeconfig = new Secret($"apiVersion: v1\nkind: Config\ntoken: {SecretText()}\n"),
                Pki = new ClusterPki
                {
                    CaCertificatePem = $"-----BEGIN CERTIFICATE-----\n{Word()}\n-----END CERTIFICATE-----\n",
                    CaPrivateKeyPem = new Secret(SecretText()),
                    AdminCertificatePem = $"-----BEGIN CERTIFICATE-----\n{Word()}\n-----END CERTIFICATE-----\n",
                    AdminPrivateKeyPem = new Secret(SecretText()),
                },
                Install = new InstallState { OperationId = Guid().ToString(), CompletedPhases = ["pki", Word()] },
                ExtensionData = Unknown(),
            },
        };
    }

    /// <summary>Every secret of a cluster in clear, as a client would see it if one leaked.</summary>
    public static IEnumerable<string> Secrets(OpenShiftCluster cluster)
    {
        var p = cluster.Properties;
        Secret?[] secrets =
        [
            p.ClusterProfile.PullSecret, p.ServicePrincipalProfile.ClientSecret, p.KubeadminPassword, p.AdminKubeconfig,
            p.Pki?.CaPrivateKeyPem, p.Pki?.AdminPrivateKeyPem,
        ];
        return secrets.OfType<Secret>().Select(s => s.Reveal());
    }

    /// <summary>A random string that appears nowhere else, so finding it in output means a secret leaked.</summary>
    private string SecretText() => $"s3cr3t{Guid():N}";

    private Guid Guid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string Word() => string.Concat(Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26))));

    private bool Chance() => random.Next(4) == 0;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Visibility() => Pick([Api.Visibility.Public, Api.Visibility.Private]);

    private string Ip() => $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";

    private List<string> Names() => [.. ProfileNames.OrderBy(_ => random.Next()).Take(random.Next(1, 4))];

    /// <summary>A random network of <paramref name="prefix"/> bits inside <paramref name="space"/>/<paramref name="spacePrefix"/>.</summary>
    private string Cidr(uint space, int spacePrefix, int prefix)
    {
        var offset = (uint)random.NextInt64(0, 1L << (32 - spacePrefix));
        var network = (space | offset) & (uint.MaxValue << (32 - prefix));
        return new Ipv4Cidr(network, prefix).ToString();
    }

    private Dictionary<string, string>? Tags()
    {
        if (Chance())
        {
            return null;
        }

        var tags = new Dictionary<string, string>();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            tags[$"{Word()}-{i}"] = random.Next(3) == 0 ? "" : $"{Word()} {Word()}:{random.Next()}";
        }

        return tags;
    }

    private SystemData SystemData() => new()
    {
        CreatedBy = $"{Word()}@example.com",
        CreatedByType = "User",
        CreatedAt = Date(),
        LastModifiedBy = Guid().ToString(),
        LastModifiedByType = "Application",
        LastModifiedAt = Date(),
        ExtensionData = Unknown(),
    };

    private DateTimeOffset Date() =>
        new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddTicks(random.NextInt64(0, TimeSpan.FromDays(2000).Ticks))
            .ToOffset(TimeSpan.FromMinutes(random.Next(-12, 13) * 60));

    private Dictionary<string, JToken> Unknown() => new()
    {
        [$"future{Word()}"] = Word(),
        [$"futureNumber{Word()}"] = random.Next(),
        [$"futureObject{Word()}"] = new JObject { ["nested"] = new JArray(Word(), random.Next(), "2021-01-01T00:00:00Z") },
        ["futureDateLike"] = DateTimeOffset.UnixEpoch.AddSeconds(random.Next()).ToString("o", CultureInfo.InvariantCulture),
    };
}
