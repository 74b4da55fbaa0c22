using System.Diagnostics;
using System.Globalization;

namespace Rp.EndToEnd.Tests.Faults;

/// <summary>The distributed stores' outage: the Cosmos DB server and Azurite stopped (SIGSTOP), then continued (SIGCONT), their data intact.</summary>
public sealed class EmulatorPause(IReadOnlyList<int> processIds) : IStoreOutage
{
    public string What => "the Cosmos DB server and Azurite stopped";

    public Task BeginAsync() => SignalAsync("-STOP");

    public Task EndAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, .. processIds.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {string.Join(' ', processIds)} exited with {kill.ExitCode}.");
        }
    }
}
