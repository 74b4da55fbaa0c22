using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Rp.Env;
using Rp.Frontend.Tests.Harness;
using Rp.Frontend.Tests.Logging;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>
/// The frontend in production mode on Kestrel, serving https on a free loopback port with a
/// certificate of its own: every request is a real TLS handshake. ARM's certificates come from
/// <paramref name="metadataUrl"/> (refreshed every 200 ms); admin certificates must chain to
/// <see cref="AdminAuthority"/> and be named <see cref="AdminCommonName"/>. Every log line is kept.
/// </summary>
public sealed class TlsRpFactory : RpFactory
{
    public const string AdminCommonName = "rp-admin.test";

    public TlsRpFactory(Uri metadataUrl, TimeSpan maxMetadataAge, IReadOnlyDictionary<string, string>? settings = null)
        : base(fullPipeline: false, Settings(metadataUrl, maxMetadataAge, settings))
    {
        var serverPem = Path.Combine(DataDir, "server.pem");
        ServerCertificate = DevelopmentCertificate.LoadOrCreate(serverPem, TimeProvider.System);
        AddSetting("Kestrel:Certificates:Default:Path", serverPem);
        AddSetting("Kestrel:Certificates:Default:KeyPath", serverPem);
        AddSetting("AdminAuthentication:CaBundlePath", TestCertificates.WritePem(Path.Combine(DataDir, "admin-ca.pem"), AdminAuthority));
        UseKestrel();
    }

    /// <summary>The CA that issues admin certificates.</summary>
    public X509Certificate2 AdminAuthority { get; } = TestCertificates.Authority("Rp Tests Admin CA");

    public X509Certificate2 ServerCertificate { get; }

    public CapturedLog Log { get; } = new();

    /// <summary>Where it serves https (starts it on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// Waits until the frontend's readiness check on ARM's certificates passes: they were fetched.
    /// (Its other readiness checks are of roles this host does not run.)
    /// </summary>
    public Task WaitUntilReadyAsync() => Eventually.UntilAsync(
        async () => string.Join(", ", (await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == Rp.Frontend.Authentication.ArmCertificatesHealthCheck.Name)).Entries
            .Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description}")),
        unhealthy => unhealthy.Length == 0,
        "the frontend to report ready");

    /// <summary>An admin certificate: issued by <see cref="AdminAuthority"/> for client authentication, named <see cref="AdminCommonName"/>.</summary>
    public X509Certificate2 NewAdminCertificate() => TestCertificates.Issue(AdminAuthority, AdminCommonName, TestCertificates.ClientAuthentication);

    /// <summary>
    /// A client over a new TLS connection pool that presents <paramref name="clientCertificate"/>
    /// (none when null) and trusts only this RP's server certificate.
    /// </summary>
    public HttpClient CreateTlsClient(X509Certificate2? clientCertificate)
    {
        var expected = ServerCertificate.RawData;
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    certificate is not null
                    && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                    && certificate.GetRawCertData().AsSpan().SequenceEqual(expected),
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ServerCertificate.Dispose();
            AdminAuthority.Dispose();
        }
    }

    private static Dictionary<string, string> Settings(Uri metadataUrl, TimeSpan maxMetadataAge, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Rp:Mode"] = "Production",
            ["Encryption:Keys:0"] = NewEncryptionKey(),
            ["urls"] = "https://127.0.0.1:0",
            ["Frontend:HttpsPort"] = "0",
            ["ArmAuthentication:MetadataUrl"] = metadataUrl.ToString(),
            ["ArmAuthentication:RefreshInterval"] = "00:00:00.200",
            ["ArmAuthentication:RetryDelay"] = "00:00:00.010",
            ["ArmAuthentication:MaxMetadataAge"] = maxMetadataAge.ToString("c", CultureInfo.InvariantCulture),
            ["AdminAuthentication:ClientCertificateCommonName"] = AdminCommonName,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
