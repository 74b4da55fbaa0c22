using System.Globalization;
using System.Text.RegularExpressions;

namespace Rp.EndToEnd.Tests;

/// <summary>
/// Reads, from a backend's log, when each of its workers worked on which document, so that the
/// logs of several backends show whether two workers ever worked on one document at once.
/// Every line of a worker's document carries the scope <c>documentId=... workerId=...</c>.
/// A lease runs from "lease taken" (written after the lease write) to the last "releasing the
/// lease" (written before the write that gives it up), "heartbeat failed" (the work is canceled
/// then: a write still under way is fenced on the lease, and a phase after it shows as one) or
/// "stopped, ownership lost"; a phase from
/// "Install phase X starting" to its "completed" or the worker's next line. Whatever is still
/// open when the process died ends when it died.
/// </summary>
public static partial class WorkLog
{
    private const string InstallerCategory = "Rp.Backend.Installer.LocalClusterInstaller";

    /// <summary>The intervals in one process's output; <paramref name="processEnd"/> closes what its death cut short.</summary>
    public static IReadOnlyList<WorkInterval> Intervals(IEnumerable<string> output, DateTimeOffset processEnd)
    {
        var intervals = new List<WorkInterval>();
        var lines = output.Select(Parse).OfType<LogLine>();
        foreach (var tenure in lines.GroupBy(l => (l.DocumentId, l.WorkerId)))
        {
            var ordered = tenure.ToList();
            AddLeases(intervals, ordered, processEnd);
            AddPhases(intervals, ordered, processEnd);
        }

        return intervals;
    }

    /// <summary>Pairs of intervals of one document from two different workers that overlap in time.</summary>
    public static IReadOnlyList<(WorkInterval First, WorkInterval Second)> Overlaps(IEnumerable<WorkInterval> intervals) =>
        intervals
            .GroupBy(i => i.DocumentId)
            .SelectMany(document =>
            {
                var list = document.OrderBy(i => i.Start).ToList();
                return list.SelectMany((a, index) => list.Skip(index + 1).Where(b => b.WorkerId != a.WorkerId && a.Overlaps(b)).Select(b => (a, b)));
            })
            .ToList();

    private static void AddLeases(List<WorkInterval> intervals, List<LogLine> lines, DateTimeOffset processEnd)
    {
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        var stopped = false;
        foreach (var line in lines)
        {
            if (LeaseTaken().IsMatch(line.Text))
            {
                if (start is not null)
                {
                    intervals.Add(new WorkInterval(line.DocumentId, line.WorkerId, "lease", start.Value, end ?? line.Time));
                }

                (start, end, stopped) = (line.Time, null, false);
            }
            else if (LeaseEnded().IsMatch(line.Text) && !stopped)
            {
                // A lost heartbeat ends the work at once; what the worker says after it does not extend it.
                end = start is null ? null : line.Time;
                stopped = HeartbeatLost().IsMatch(line.Text);
            }
            else if (PhaseStarting().IsMatch(line.Text))
            {
                // Work after a "releasing" line means the release did not happen: the lease runs on.
                (end, stopped) = (null, false);
            }
        }

        if (start is not null)
        {
            intervals.Add(new WorkInterval(lines[0].DocumentId, lines[0].WorkerId, "lease", start.Value, end ?? processEnd));
        }
    }

    private static void AddPhases(List<WorkInterval> intervals, List<LogLine> lines, DateTimeOffset processEnd)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var starting = PhaseStarting().Match(lines[i].Text);
            if (!starting.Success)
            {
                continue;
            }

            var phase = starting.Groups["phase"].Value;
            var end = processEnd;
            foreach (var next in lines.Skip(i + 1))
            {
                var completed = PhaseCompleted().Match(next.Text);
                if ((completed.Success && completed.Groups["phase"].Value == phase) || next.Category != InstallerCategory || PhaseStarting().IsMatch(next.Text))
                {
                    end = next.Time;
                    break;
                }
            }

            intervals.Add(new WorkInterval(lines[i].DocumentId, lines[i].WorkerId, $"phase {phase}", lines[i].Time, end));
        }
    }

    private static LogLine? Parse(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var scope = WorkerScope().Match(match.Groups["text"].Value);
        if (!scope.Success)
        {
            return null;
        }

        var time = DateTimeOffset.ParseExact(match.Groups["time"].Value, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new LogLine(time, match.Groups["category"].Value, scope.Groups["document"].Value, scope.Groups["worker"].Value, match.Groups["text"].Value);
    }

    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) \w+: (?<category>[\w.]+)\[\d+\] (?<text>.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"\bdocumentId=(?<document>\S+) workerId=(?<worker>\S+)")]
    private static partial Regex WorkerScope();

    [GeneratedRegex(@": lease taken by \S+$")]
    private static partial Regex LeaseTaken();

    [GeneratedRegex(@": (releasing the lease of \S+$|work of \S+ stopped, ownership lost: |heartbeat failed: )")]
    private static partial Regex LeaseEnded();

    [GeneratedRegex(@": heartbeat failed: ")]
    private static partial Regex HeartbeatLost();

    [GeneratedRegex(@" Install phase (?<phase>\S+) starting$")]
    private static partial Regex PhaseStarting();

    [GeneratedRegex(@" Install phase (?<phase>\S+) completed$")]
    private static partial Regex PhaseCompleted();

    private sealed record LogLine(DateTimeOffset Time, string Category, string DocumentId, string WorkerId, string Text);
}
