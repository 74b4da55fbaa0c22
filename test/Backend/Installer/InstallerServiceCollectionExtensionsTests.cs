using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rp.Api;
using Rp.Backend.Installer;
using Xunit;

namespace Rp.Backend.Tests.Installer;

public sealed class InstallerServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRpLocalInstaller_CallerConfiguresOptions_InstallerUsesThem()
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<InstallerOptions>(options => options.FailAtPhase = InstallerPhases.Credentials);
        using var provider = services.AddRpLocalInstaller().BuildServiceProvider();

        var installer = provider.GetRequiredService<IClusterInstaller>();
        var act = () => installer.RunPhaseAsync(InstallerPhases.Credentials, TestClusters.New());

        installer.Should().BeOfType<LocalClusterInstaller>();
        (await act.Should().ThrowAsync<InstallerException>()).Which.Code.Should().Be(CloudErrorCodes.DeploymentFailed);
    }

    [Fact]
    public void AddRpLocalInstaller_NoTimeProvider_RegistersTheSystemClock()
    {
        using var provider = new ServiceCollection().AddLogging().AddRpLocalInstaller().BuildServiceProvider();

        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public async Task AddRpLocalInstaller_TimeProviderRegistered_InstallerWaitsOnIt()
    {
        var time = new ManualTimeProvider(TestClusters.Start);
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.Configure<InstallerOptions>(options => options.PhaseDuration = TimeSpan.FromSeconds(30));
        using var provider = services.AddRpLocalInstaller().AddRpLocalInstaller().BuildServiceProvider();

        var running = provider.GetRequiredService<IClusterInstaller>().RunPhaseAsync(InstallerPhases.Domain, TestClusters.New());
        time.ActiveTimers.Should().Be(1);
        time.Advance(TimeSpan.FromSeconds(30));

        await running.WaitAsync(TimeSpan.FromSeconds(10));
        provider.GetServices<IClusterInstaller>().Should().ContainSingle();
    }
}
