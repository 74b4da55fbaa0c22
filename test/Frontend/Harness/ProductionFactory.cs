using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// The frontend alone, in production mode: subscriptions exist only once ARM has registered them,
/// and every request arrives with the client certificate ARM calls with (pinned in configuration).
/// </summary>
public sealed class ProductionFactory : RpFactory
{
    private static readonly X509Certificate2 Arm = TestCertificates.SelfSigned("arm.production.test");

    public ProductionFactory()
        : base(fullPipeline: false, new Dictionary<string, string>
        {
            ["Rp:Mode"] = "Production",
            ["Encryption:Keys:0"] = NewEncryptionKey(),
        })
    {
        AddSetting("ArmAuthentication:PinnedCertificates:0", TestCertificates.WritePem(Path.Combine(DataDir, "arm.pem"), Arm));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ClientCertificateStartupFilter(Arm)));
    }
}
