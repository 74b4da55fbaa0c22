using Xunit.Abstractions;

namespace Rp.EndToEnd.Tests;

/// <summary>Several rp processes of one test: started together, logged and stopped together.</summary>
public static class RpProcesses
{
    /// <summary>Waits for every start; whatever started is added to <paramref name="started"/>, even when another start failed.</summary>
    public static async Task StartAllAsync(List<RpProcess> started, params Task<RpProcess>[] starts)
    {
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            started.AddRange(starts.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }

    /// <summary>Starts one process of each of <paramref name="roles"/> on one data directory, with the same settings.</summary>
    public static Task StartRolesAsync(List<RpProcess> started, string dataDir, IReadOnlyDictionary<string, string> settings, params string[] roles) =>
        StartAllAsync(started, [.. roles.Select(role => RpProcess.StartAsync(dataDir, role, settings))]);

    /// <summary>Puts the end of each process's output in the test's output, where a failure shows it.</summary>
    public static void WriteLogs(ITestOutputHelper output, IEnumerable<RpProcess?> processes, int lines = 60)
    {
        foreach (var rp in processes.OfType<RpProcess>())
        {
            output.WriteLine($"===== rp {rp.Role} (pid {rp.Id}), last {lines} lines =====");
            output.WriteLine(rp.Tail(lines));
        }
    }

    /// <summary>
    /// Writes each process's whole output to a file of its own in a new directory (under
    /// <c>RP_TEST_LOGS</c> if set, else the temporary directory), for a failure whose cause lies
    /// further back than the tail the test's output shows; says where in the test's output.
    /// </summary>
    public static void SaveLogs(ITestOutputHelper output, string name, IEnumerable<RpProcess?> processes)
    {
        var root = Environment.GetEnvironmentVariable("RP_TEST_LOGS") is { Length: > 0 } set ? set : Path.GetTempPath();
        var dir = Path.Combine(root, $"{name}-{DateTimeOffset.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(dir);
        foreach (var rp in processes.OfType<RpProcess>())
        {
            File.WriteAllText(Path.Combine(dir, $"{rp.Role}-{rp.Id}.log"), rp.Output);
        }

        output.WriteLine($"every process's whole log is in {dir}");
    }

    /// <summary>When a line of an rp process's (text) log was written.</summary>
    public static DateTimeOffset LogTime(string line) =>
        DateTimeOffset.ParseExact(line[..24], "yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public static async Task DisposeAllAsync(IEnumerable<RpProcess?> processes)
    {
        foreach (var rp in processes.OfType<RpProcess>())
        {
            await rp.DisposeAsync();
        }
    }
}
