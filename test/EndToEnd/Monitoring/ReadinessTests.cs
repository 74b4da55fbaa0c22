using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Rp.Database.Tests.Emulators;
using Xunit;
using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// Readiness follows the dependencies: with the Cosmos DB server or Azurite stopped (SIGSTOP: the
/// process stays, its port stops answering), the roles that use it report not ready within
/// seconds, naming the failing check, and report ready again once it resumes.
/// </summary>
public sealed class ReadinessTests(EmulatorsFixture emulators, ITestOutputHelper output) : IClassFixture<EmulatorsFixture>
{
    // The checks time out after 3 s; a probe every 200 ms.
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string, string[]> StoppedDependencies => new()
    {
        // Every role reads the database; only the forwarder and the backend use the queue.
        { "Cosmos DB server", "database", ["frontend", "forwarder", "backend"] },
        { "Azurite", "queue", ["forwarder", "backend"] },
    };

    [Theory]
    [MemberData(nameof(StoppedDependencies))]
    public async Task Ready_DependencyStoppedThenResumed_FlipsWithinSecondsAndRecovers(string dependency, string check, string[] affected)
    {
        using var dir = new TempDirectory();
        using var management = new Management();
        var settings = EmulatorSettings.Create(emulators);
        var processes = new List<RpProcess>();
        var pid = check == "database" ? emulators.CosmosPid : emulators.AzuritePid;
        try
        {
            await RpProcesses.StartRolesAsync(processes, dir.Path, settings, "frontend", "forwarder", "backend");
            foreach (var rp in processes)
            {
                await Poll.UntilAsync(() => management.ReadyAsync(rp), r => r.IsReady, StartDeadline, $"{rp.Role} ready");
            }

            Signal("STOP", pid);
            var stoppedAt = Stopwatch.StartNew();
            try
            {
                foreach (var rp in processes.Where(p => affected.Contains(p.Role)))
                {
                    var readiness = await Poll.UntilAsync(() => management.ReadyAsync(rp), r => !r.IsReady, Within, $"{rp.Role} not ready with {dependency} stopped");
                    output.WriteLine($"{rp.Role}: {readiness} after {stoppedAt.Elapsed}");
                    readiness.Check(check).Should().Be("Unhealthy", $"{rp.Role} names what it cannot reach");
                }

                foreach (var rp in processes.Where(p => !affected.Contains(p.Role)))
                {
                    var readiness = await management.ReadyAsync(rp);
                    readiness.Check(check).Should().BeNull($"{rp.Role} does not use the {check}");
                }
            }
            finally
            {
                Signal("CONT", pid);
            }

            var resumedAt = Stopwatch.StartNew();
            foreach (var rp in processes)
            {
                await Poll.UntilAsync(() => management.ReadyAsync(rp), r => r.IsReady, Within, $"{rp.Role} ready again with {dependency} resumed");
                output.WriteLine($"{rp.Role}: ready again after {resumedAt.Elapsed}");
            }
        }
        finally
        {
            RpProcesses.WriteLogs(output, processes, lines: 15);
            await RpProcesses.DisposeAllAsync(processes);
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed ({kill.ExitCode}).");
        }
    }
}
