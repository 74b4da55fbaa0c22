using System.Globalization;

namespace Rp.Bench.Driver;

/// <summary>Times measured from a process's start as the shell recorded it (<c>date +%s%N</c>), and the process's memory.</summary>
internal static class ProcessClock
{
    public static TimeSpan Since(long startedAtUnixNanoseconds) =>
        TimeSpan.FromTicks(((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000) - startedAtUnixNanoseconds) / 100);

    /// <summary>A field of /proc/PID/status in MiB (VmRSS: now; VmHWM: the peak so far); null once the process is gone.</summary>
    public static double? MemoryMiB(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
