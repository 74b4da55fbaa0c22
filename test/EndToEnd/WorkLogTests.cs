using FluentAssertions;
using Xunit;

namespace Rp.EndToEnd.Tests;

public sealed class WorkLogTests
{
    private const string Document = "4b8f0c1e-0000-0000-0000-000000000001";

    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Events as "second worker what [phase]": what is taken, release, stopped, heartbeat (lost), start or done.
    // The first process's log ends (it dies) at second 10, the second's at second 20.
    public static TheoryData<string, string[], string[], int> Cases => new()
    {
        { "handed over after the release", ["0 a taken", "1 a start domain", "2 a done domain", "3 a release"], ["4 b taken", "5 b release"], 0 },
        { "taken while the first still holds it", ["0 a taken", "5 a release"], ["3 b taken", "6 b release"], 1 },
        { "a phase run while the other is mid-phase", ["0 a start pki", "4 a done pki"], ["2 b start pki", "3 b done pki"], 1 },
        { "taken while a killed worker's lease was still open", ["0 a taken", "1 a start urls"], ["8 b taken"], 2 },
        { "taken after the killed worker died", ["0 a taken", "1 a start urls"], ["11 b taken", "12 b release"], 0 },
        { "work after a release that did not happen", ["0 a taken", "1 a release", "2 a start deprovision", "3 a done deprovision", "6 a release"], ["4 b taken"], 1 },
        { "stopped on losing the lease before the other took it", ["0 a taken", "1 a stopped"], ["2 b taken", "3 b release"], 0 },
        { "heartbeat lost (work canceled) before the other took it", ["0 a taken", "1 a heartbeat", "3 a stopped"], ["2 b taken", "4 b release"], 0 },
        { "a phase after the heartbeat was lost", ["0 a taken", "1 a heartbeat", "3 a start urls", "5 a done urls"], ["2 b taken", "6 b release"], 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Overlaps_TwoProcessesLogs_FindsEveryConcurrentTenure(string name, string[] first, string[] second, int expected)
    {
        var intervals = WorkLog.Intervals(first.Select(Line), Origin.AddSeconds(10)).Concat(WorkLog.Intervals(second.Select(Line), Origin.AddSeconds(20)));

        WorkLog.Overlaps(intervals).Should().HaveCount(expected, name);
    }

    [Fact]
    public void Intervals_SameWorkerTakesTheDocumentTwice_TwoLeasesAndNoOverlap()
    {
        var intervals = WorkLog.Intervals(new[] { "0 a taken", "1 a release", "2 a taken", "3 a release" }.Select(Line), Origin.AddSeconds(10));

        intervals.Should().BeEquivalentTo(
        [
            new WorkInterval(Document, "a", "lease", Origin, Origin.AddSeconds(1)),
            new WorkInterval(Document, "a", "lease", Origin.AddSeconds(2), Origin.AddSeconds(3)),
        ]);
        WorkLog.Overlaps(intervals).Should().BeEmpty();
    }

    [Fact]
    public void Intervals_LinesOfOtherLoggers_AreIgnored()
    {
        string[] lines =
        [
            $"{Origin:yyyy-MM-ddTHH:mm:ss.fff}Z info: Rp.Queue.Forwarder.Forwarder[1] Forwarded /subscriptions/s/resourcegroups/g/providers/redhat.openshift/openshiftclusters/c (correlation (null))",
            "Unhandled exception. System.InvalidOperationException: not a log line",
        ];

        WorkLog.Intervals(lines, Origin.AddSeconds(10)).Should().BeEmpty();
    }

    /// <summary>A backend log line, as the console logger writes it with the worker's scopes, for one compact event.</summary>
    private static string Line(string compact)
    {
        var parts = compact.Split(' ');
        var (second, worker, what) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2]);
        var owner = $"{worker}/message";
        var (category, message) = what switch
        {
            "taken" => ("Rp.Backend.Worker.MessageProcessor", $"k: lease taken by {owner}"),
            "release" => ("Rp.Backend.Worker.MessageProcessor", $"k: releasing the lease of {owner}"),
            "stopped" => ("Rp.Backend.Worker.MessageProcessor", $"k: work of {owner} stopped, ownership lost: lease expired"),
            "heartbeat" => ("Rp.Backend.Worker.MessageProcessor", "k: heartbeat failed: the lease would run out before its renewal answered"),
            "start" => ("Rp.Backend.Installer.LocalClusterInstaller", $"Install phase {parts[3]} starting"),
            "done" => ("Rp.Backend.Installer.LocalClusterInstaller", $"Install phase {parts[3]} completed"),
            _ => throw new ArgumentException($"Unknown event '{compact}'.", nameof(compact)),
        };
        return $"{Origin.AddSeconds(second):yyyy-MM-ddTHH:mm:ss.fff}Z info: {category}[1] => documentId={Document} workerId={worker} correlationRequestId=(null) clientRequestId=(null) requestId=r => resourceId=/subscriptions/s/resourceGroups/g/providers/RedHat.OpenShift/OpenShiftClusters/c operationId=o {message}";
    }
}
