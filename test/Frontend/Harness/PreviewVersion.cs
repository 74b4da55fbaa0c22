using System.Text;
using Newtonsoft.Json.Linq;
using Rp.Api.V20191231Preview;

namespace Rp.Frontend.Tests.Harness;

/// <summary>api-version 2019-12-31-preview: a flat property bag with a base64 pull secret.</summary>
public sealed class PreviewVersion : ApiVersionCase
{
    private static readonly string PullSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes(PullSecretText));

    public static readonly PreviewVersion Instance = new();

    private PreviewVersion()
    {
    }

    public override string Name => ApiVersion20191231Preview.VersionName;

    public override string PullSecretPath => "properties.pullSecret";

    public override IReadOnlyList<string> Secrets { get; } = [RegistryAuth, PullSecret];

    public override JObject CreateBody() => ToJson(new OpenShiftCluster
    {
        Location = Location,
        Tags = new Dictionary<string, string?> { ["env"] = "test" },
        Properties = new OpenShiftClusterProperties
        {
            PullSecret = PullSecret,
            NetworkProfile = new NetworkProfile { VnetCidr = "10.0.0.0/16", PodCidr = "10.128.0.0/14", ServiceCidr = "172.30.0.0/16" },
            MasterProfile = new MasterProfile { VmSize = "Standard_D8s_v3" },
            WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D2s_v3", DiskSizeGB = 128, Count = 3 }],
        },
    });
}
