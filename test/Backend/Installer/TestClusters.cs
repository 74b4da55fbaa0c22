using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Rp.Api;
using Rp.Backend.Installer;

namespace Rp.Backend.Tests.Installer;

internal static class TestClusters
{
    public const string PullSecret = "{\"auths\":{\"registry.example.com\":{\"auth\":\"cHVsbDpzZWNyZXQtdmFsdWU=\"}}}";
    public const string ClientSecret = "client-secret-0f5e3d2c1b";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static OpenShiftCluster New(string name = "cluster1", string subscriptionId = "00000000-0000-0000-0000-000000000001") => new()
    {
        Id = $"/subscriptions/{subscriptionId}/resourceGroups/rg1/providers/RedHat.OpenShift/OpenShiftClusters/{name}",
        Name = name,
        Location = "eastus",
        Properties =
        {
            ProvisioningState = ProvisioningState.Creating,
            ClusterProfile = { PullSecret = new Secret(PullSecret) },
            ServicePrincipalProfile = { ClientId = "11111111-2222-3333-4444-555555555555", ClientSecret = new Secret(ClientSecret) },
            NetworkProfile = { VnetCidr = "10.0.0.0/22", PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" },
            MasterProfile = { VmSize = "Standard_D8s_v3" },
            WorkerProfiles = { new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, Count = 3 } },
        },
    };

    public static LocalClusterInstaller Installer(InstallerOptions? options = null, TimeProvider? timeProvider = null) =>
        new(Options.Create(options ?? new InstallerOptions()), timeProvider ?? new ManualTimeProvider(Start), NullLogger<LocalClusterInstaller>.Instance);

    public static async Task RunAllAsync(IClusterInstaller installer, OpenShiftCluster cluster, ProvisioningState state)
    {
        foreach (var phase in installer.PhasesFor(state))
        {
            await installer.RunPhaseAsync(phase, cluster);
        }
    }

    public static async Task<OpenShiftCluster> CreatedAsync(OpenShiftCluster? cluster = null)
    {
        cluster ??= New();
        await RunAllAsync(Installer(), cluster, ProvisioningState.Creating);
        return cluster;
    }

    /// <summary>The whole cluster as JSON, secrets in clear, to compare states.</summary>
    public static string Snapshot(OpenShiftCluster cluster) =>
        JsonConvert.SerializeObject(cluster, Formatting.Indented, new RevealingSecretConverter());

    private sealed class RevealingSecretConverter : JsonConverter<Secret>
    {
        public override bool CanRead => false;

        public override Secret? ReadJson(JsonReader reader, Type objectType, Secret? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            throw new NotSupportedException();

        public override void WriteJson(JsonWriter writer, Secret? value, JsonSerializer serializer) => writer.WriteValue(value?.Reveal());
    }
}
