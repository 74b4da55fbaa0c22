using Newtonsoft.Json.Linq;
using Rp.Api.V20200430;

namespace Rp.Frontend.Tests.Harness;

/// <summary>api-version 2020-04-30: profiles, the pull secret as JSON text, a service principal with a secret.</summary>
public sealed class V20200430Version : ApiVersionCase
{
    public static readonly V20200430Version Instance = new();

    private const string ClientSecret = "functional-test-client-secret-3f9c1d";

    private V20200430Version()
    {
    }

    public override string Name => ApiVersion20200430.VersionName;

    public override string PullSecretPath => "properties.clusterProfile.pullSecret";

    public override IReadOnlyList<string> Secrets { get; } = [RegistryAuth, ClientSecret];

    public override JObject CreateBody() => ToJson(new OpenShiftCluster
    {
        Location = Location,
        Tags = new Dictionary<string, string?> { ["env"] = "test" },
        Properties = new OpenShiftClusterProperties
        {
            ClusterProfile = new ClusterProfile { PullSecret = PullSecretText },
            ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = "11111111-1111-1111-1111-111111111111", ClientSecret = ClientSecret },
            NetworkProfile = new NetworkProfile { PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" },
            MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3" },
            WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D2s_v3", DiskSizeGB = 128, Count = 3 }],
        },
    });
}
