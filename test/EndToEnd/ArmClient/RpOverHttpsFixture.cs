using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Rp.Env;
using Xunit;

namespace Rp.EndToEnd.Tests.ArmClient;

/// <summary>
/// One RP (all roles, development, fast settings, two items a list page) serving https with its
/// generated certificate, shared by the ArmClient tests; each test makes its own client.
/// </summary>
public sealed class RpOverHttpsFixture : IAsyncLifetime
{
    public const string PageSize = "2";

    private readonly TempDirectory dataDir = new();

    public RpProcess Rp { get; private set; } = null!;

    /// <summary>The RP's certificate as it is stored in its data directory: the one the client pins.</summary>
    public X509Certificate2 Certificate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Rp = await RpProcess.StartAsync(
            dataDir.Path,
            role: null,
            settings: new Dictionary<string, string>
            {
                ["Frontend:RetryAfterSeconds"] = "1",
                ["Frontend:PageSize"] = PageSize,
                ["Forwarder:PollInterval"] = "00:00:00.050",
                ["Backend:PollInterval"] = "00:00:00.050",
            },
            https: true);
        Certificate = PinnedCertificate.Load(Path.Combine(dataDir.Path, DevelopmentCertificate.FileName));
    }

    /// <summary>
    /// An ArmClient whose "ARM" is the RP itself: the RP's https URL as the environment's
    /// endpoint, the cluster type's api-version set (so it never asks Microsoft.Resources which
    /// versions the provider has), a static token, and a transport that trusts only the RP's
    /// certificate. <paramref name="log"/> sees every request, retries and polls included.
    /// </summary>
    internal Azure.ResourceManager.ArmClient CreateClient(string subscriptionId, RequestLog log)
    {
        var options = new ArmClientOptions
        {
            Environment = new ArmEnvironment(new Uri(Rp.HttpsUrl!), "https://management.azure.com/"),
            Transport = new HttpClientTransport(PinnedCertificate.Handler(Certificate)),
        };
        options.SetApiVersion(ResourceGroupClusters.ClusterType, "2020-04-30");
        options.AddPolicy(log, HttpPipelinePosition.PerRetry);
        return new Azure.ResourceManager.ArmClient(new StaticTokenCredential(), subscriptionId, options);
    }

    public async Task DisposeAsync()
    {
        Certificate?.Dispose();
        if (Rp is not null)
        {
            await Rp.DisposeAsync();
        }

        dataDir.Dispose();
    }
}
