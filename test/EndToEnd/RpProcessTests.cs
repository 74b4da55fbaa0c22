using FluentAssertions;
using Xunit;

namespace Rp.EndToEnd.Tests;

public sealed class RpProcessTests
{
    [Fact]
    public async Task StartAsync_AllRoles_ServesOperationsListAndStopsOnSigterm()
    {
        using var dir = new TempDirectory();
        await using var rp = await RpProcess.StartAsync(dir.Path);

        using var client = new HttpClient();
        var body = await client.GetStringAsync($"{rp.Url}/providers/RedHat.OpenShift/operations?api-version=2019-12-31-preview");
        body.Should().Contain("RedHat.OpenShift/openShiftClusters/read");

        await rp.StopAsync(TimeSpan.FromSeconds(30));
        rp.HasExited.Should().BeTrue();
        rp.Output.Should().Contain($"Now listening on: {rp.Url}").And.NotContain("Now listening on: https", "without https the harness asks for none, so parallel RPs share no port");
        File.Exists(Path.Combine(dir.Path, "rp.db")).Should().BeTrue();
    }
}
