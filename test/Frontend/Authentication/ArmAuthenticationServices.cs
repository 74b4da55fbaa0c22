using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rp.Frontend.Authentication;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>The production authentication services as the frontend registers them, on a clock of the test's, without a host.</summary>
internal sealed class ArmAuthenticationServices : IDisposable
{
    private readonly ServiceProvider provider;

    public ArmAuthenticationServices(TimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Rp:Mode"] = "Production" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(clock);
        services.AddRpClientCertificates(configuration);
        provider = services.BuildServiceProvider();
    }

    public ArmCertificates Certificates => provider.GetRequiredService<ArmCertificates>();

    public ArmMetadataRefresher Refresher => provider.GetServices<IHostedService>().OfType<ArmMetadataRefresher>().Single();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public void Dispose() => provider.Dispose();
}
