using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using Rp.Env;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.EndToEnd.Tests;

public sealed class RpHttpsTests
{
    private const string OperationsPath = "/providers/RedHat.OpenShift/operations?api-version=2020-04-30";

    [Fact]
    public async Task StartAsync_DevelopmentWithHttps_ServesBothAndReusesItsCertificateAfterRestart()
    {
        using var dir = new TempDirectory();
        var certificatePath = Path.Combine(dir.Path, DevelopmentCertificate.FileName);
        await using (var first = await RpProcess.StartAsync(dir.Path, role: null, settings: null, https: true))
        {
            using var http = new HttpClient();
            (await http.GetAsync($"{first.Url}{OperationsPath}")).StatusCode.Should().Be(HttpStatusCode.OK);
            File.Exists(certificatePath).Should().BeTrue();
            await first.StopAsync(TimeSpan.FromSeconds(30));
        }

        using var generated = PinnedCertificate.Load(certificatePath);
        await using var second = await RpProcess.StartAsync(dir.Path, role: null, settings: null, https: true);
        using var client = new HttpClient(PinnedCertificate.Handler(generated));

        var response = await client.GetAsync($"{second.HttpsUrl}{OperationsPath}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the restarted RP serves the certificate it generated the first time");
        (await response.Content.ReadAsStringAsync()).Should().Contain("RedHat.OpenShift/openShiftClusters/read");
        using var stored = PinnedCertificate.Load(certificatePath);
        stored.Thumbprint.Should().Be(generated.Thumbprint);
    }

    [Fact]
    public async Task StartAsync_DevelopmentWithHttps_RefusesAnotherPinnedCertificate()
    {
        using var dir = new TempDirectory();
        using var other = new TempDirectory();
        using var stranger = DevelopmentCertificate.LoadOrCreate(Path.Combine(other.Path, DevelopmentCertificate.FileName), TimeProvider.System);
        await using var rp = await RpProcess.StartAsync(dir.Path, role: null, settings: null, https: true);
        using var client = new HttpClient(PinnedCertificate.Handler(stranger));

        var call = () => client.GetAsync($"{rp.HttpsUrl}{OperationsPath}");

        (await call.Should().ThrowAsync<HttpRequestException>()).WithInnerException<AuthenticationException>("a self-signed certificate is trusted only when it is the pinned one");
    }

    [Fact]
    public async Task StartAsync_ProductionWithoutCertificate_ServesHttpOnlyAndGeneratesNone()
    {
        using var dir = new TempDirectory();
        var httpsPort = RpProcess.FreePort();
        await using var rp = await RpProcess.StartAsync(dir.Path, settings: ProductionSettings(dir, new Dictionary<string, string>
        {
            ["Frontend:HttpsPort"] = httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        await rp.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(30));

        using var http = new HttpClient();
        (await http.GetAsync($"{rp.Url}{OperationsPath}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "plain http carries no client certificate, so production lets nobody in");
        rp.Output.Should().NotContain("Now listening on: https");
        using var tcp = new TcpClient();
        var connect = () => tcp.ConnectAsync(IPAddress.Loopback, httpsPort);
        await connect.Should().ThrowAsync<SocketException>();
        File.Exists(Path.Combine(dir.Path, DevelopmentCertificate.FileName)).Should().BeFalse();
    }

    [Fact]
    public async Task StartAsync_ProductionWithConfiguredCertificate_ServesHttpsWithIt()
    {
        using var dir = new TempDirectory();
        using var operatorDir = new TempDirectory();
        var certificatePath = Path.Combine(operatorDir.Path, "operator.pem");
        using var configured = DevelopmentCertificate.LoadOrCreate(certificatePath, TimeProvider.System);
        await using var rp = await RpProcess.StartAsync(
            dir.Path,
            role: null,
            settings: ProductionSettings(dir, new Dictionary<string, string>
            {
                ["Kestrel:Certificates:Default:Path"] = certificatePath,
                ["Kestrel:Certificates:Default:KeyPath"] = certificatePath,
            }),
            https: true);
        using var asArm = new HttpClient(PinnedCertificate.Handler(configured, Arm));
        using var anonymous = new HttpClient(PinnedCertificate.Handler(configured));

        var response = await asArm.GetAsync($"{rp.HttpsUrl}{OperationsPath}");
        var refused = await anonymous.GetAsync($"{rp.HttpsUrl}{OperationsPath}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "ARM's (pinned) client certificate opens the ARM routes");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        File.Exists(Path.Combine(dir.Path, DevelopmentCertificate.FileName)).Should().BeFalse();
    }

    /// <summary>The client certificate the production RPs here take as ARM's (pinned, no metadata endpoint).</summary>
    private static X509Certificate2 Arm { get; } = TestCertificates.SelfSigned("arm.e2e.test");

    private static Dictionary<string, string> ProductionSettings(TempDirectory dir, Dictionary<string, string> settings)
    {
        settings["Rp:Mode"] = "Production";
        settings["Encryption:Keys:0"] = Convert.ToBase64String(new byte[32]);
        settings["ArmAuthentication:PinnedCertificates:0"] = TestCertificates.WritePem(Path.Combine(dir.Path, "arm.pem"), Arm);
        return settings;
    }
}
