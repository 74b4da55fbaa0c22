using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Rp.EndToEnd.Tests.ArmClient;
using Rp.Env;
using Rp.Frontend.Tests.Authentication;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.EndToEnd.Tests.ProductionEdge;

/// <summary>
/// The rp binary (all roles) in production mode as an operator runs it: https with the operator's
/// server certificate, ARM's client certificates from a (fake) metadata endpoint, an admin CA and
/// common name, and a default quota of <see cref="MaxClusters"/> clusters per subscription.
/// </summary>
public sealed class ProductionRpFixture : IAsyncLifetime
{
    public const string AdminCommonName = "rp-admin.e2e.test";
    public const int MaxClusters = 2;

    private readonly TempDirectory dataDir = new();
    private readonly TempDirectory operatorDir = new();

    public X509Certificate2 Arm { get; } = TestCertificates.SelfSigned("arm.e2e.test");

    public X509Certificate2 AdminAuthority { get; } = TestCertificates.Authority("Rp E2E Admin CA");

    public X509Certificate2 Admin { get; private set; } = null!;

    public X509Certificate2 ServerCertificate { get; private set; } = null!;

    public FakeArmMetadata Metadata { get; private set; } = null!;

    public RpProcess Rp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Admin = TestCertificates.Issue(AdminAuthority, AdminCommonName, TestCertificates.ClientAuthentication);
        var serverPem = Path.Combine(operatorDir.Path, "server.pem");
        ServerCertificate = DevelopmentCertificate.LoadOrCreate(serverPem, TimeProvider.System);
        Metadata = await FakeArmMetadata.StartAsync(Arm);
        Rp = await RpProcess.StartAsync(
            dataDir.Path,
            role: null,
            settings: new Dictionary<string, string>
            {
                ["Rp:Mode"] = "Production",

                // The tests read refusals and the audit trail as text lines (production's default
                // is JSON, which has its own test).
                ["Telemetry:LogFormat"] = "Text",
                ["Encryption:Keys:0"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Kestrel:Certificates:Default:Path"] = serverPem,
                ["Kestrel:Certificates:Default:KeyPath"] = serverPem,
                ["ArmAuthentication:MetadataUrl"] = Metadata.Url.ToString(),
                ["AdminAuthentication:CaBundlePath"] = TestCertificates.WritePem(Path.Combine(operatorDir.Path, "admin-ca.pem"), AdminAuthority),
                ["AdminAuthentication:ClientCertificateCommonName"] = AdminCommonName,
                ["Quota:MaxClustersPerSubscription"] = MaxClusters.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Frontend:RetryAfterSeconds"] = "1",
                ["Forwarder:PollInterval"] = "00:00:00.050",
                ["Backend:PollInterval"] = "00:00:00.050",
            },
            https: true);

        // Serving, but ARM's certificates may not be fetched yet.
        using var client = CreateHttpClient(Arm);
        await Poll.UntilAsync(
            async () => (await client.GetAsync("/providers/RedHat.OpenShift/operations?api-version=2020-04-30")).StatusCode,
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "ARM's certificate to be accepted");
    }

    /// <summary>A client of the https listener that trusts only the RP's certificate and presents <paramref name="clientCertificate"/> (none when null).</summary>
    public HttpClient CreateHttpClient(X509Certificate2? clientCertificate) =>
        new(PinnedCertificate.Handler(ServerCertificate, clientCertificate)) { BaseAddress = new Uri(Rp.HttpsUrl!) };

    /// <summary>An ArmClient that reaches the RP as ARM does: over https, with ARM's client certificate.</summary>
    internal Azure.ResourceManager.ArmClient CreateArmClient(string subscriptionId, RequestLog log)
    {
        var options = new ArmClientOptions
        {
            Environment = new ArmEnvironment(new Uri(Rp.HttpsUrl!), "https://management.azure.com/"),
            Transport = new HttpClientTransport(PinnedCertificate.Handler(ServerCertificate, Arm)),
        };
        options.SetApiVersion(ResourceGroupClusters.ClusterType, "2020-04-30");
        options.AddPolicy(log, HttpPipelinePosition.PerRetry);
        return new Azure.ResourceManager.ArmClient(new StaticTokenCredential(), subscriptionId, options);
    }

    public async Task DisposeAsync()
    {
        if (Rp is not null)
        {
            await Rp.DisposeAsync();
        }

        if (Metadata is not null)
        {
            await Metadata.DisposeAsync();
        }

        ServerCertificate?.Dispose();
        Admin?.Dispose();
        AdminAuthority.Dispose();
        Arm.Dispose();
        dataDir.Dispose();
        operatorDir.Dispose();
    }
}
