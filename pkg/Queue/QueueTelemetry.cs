using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rp.Queue;

/// <summary>
/// The queue's and the forwarder's meter and activity source (both <c>Rp.Queue</c>): what the
/// forwarder moved and how late. The backlog gauges are <see cref="QueueMonitor"/>'s.
/// </summary>
internal static class QueueTelemetry
{
    public const string Name = "Rp.Queue";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> ForwarderLag = Meter.CreateHistogram(
        "rp.forwarder.lag",
        "s",
        "From the frontend accepting a request to the forwarder putting its document on the queue.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    public static readonly Counter<long> Forwarded = Meter.CreateCounter<long>(
        "rp.forwarder.documents.forwarded", "{document}", "Documents the forwarder put on the queue.");

    public static readonly Counter<long> LeadTaken = Meter.CreateCounter<long>(
        "rp.forwarder.lease.takeovers", "{lease}", "Times a forwarder took the leader lease.");

    /// <summary>Puts the counters at zero, so that their series exist before the first event (a rate over a missing series is no answer rather than zero).</summary>
    public static void Initialize()
    {
        Forwarded.Add(0);
        LeadTaken.Add(0);
    }
}
