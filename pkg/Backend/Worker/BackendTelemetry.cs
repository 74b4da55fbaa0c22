using System.Diagnostics;
using System.Diagnostics.Metrics;
using Rp.Api;

namespace Rp.Backend.Worker;

/// <summary>
/// The backend's meter and activity source (both <c>Rp.Backend</c>): what the workers do, how
/// operations end and how long they and their phases take. Names follow OpenTelemetry's
/// conventions; the management listener exports them.
/// </summary>
internal static class BackendTelemetry
{
    public const string Name = "Rp.Backend";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    // Operations take seconds to hours; phases milliseconds to minutes.
    private static readonly double[] OperationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
    private static readonly double[] PhaseBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    public static readonly Counter<long> OperationsFinished = Meter.CreateCounter<long>(
        "rp.operations.finished", "{operation}", "Async operations that reached a terminal state, by type and result.");

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "rp.operation.duration", "s", "From the request that started an async operation to its terminal state.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OperationBuckets });

    public static readonly Histogram<double> PhaseDuration = Meter.CreateHistogram(
        "rp.install.phase.duration", "s", "How long one install phase ran, by phase, provisioning state and result.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = PhaseBuckets });

    public static readonly UpDownCounter<long> WorkersBusy = Meter.CreateUpDownCounter<long>(
        "rp.backend.workers.busy", "{worker}", "Workers processing a message now.");

    public static readonly Counter<long> LeaseTakeovers = Meter.CreateCounter<long>(
        "rp.backend.lease.takeovers", "{lease}", "Document leases taken from a worker that had stopped renewing them.");

    public static readonly Counter<long> HeartbeatsLost = Meter.CreateCounter<long>(
        "rp.backend.heartbeats.lost", "{heartbeat}", "Heartbeats that failed, stopping the work on a document.");

    public static readonly Counter<long> DocumentsExhausted = Meter.CreateCounter<long>(
        "rp.backend.documents.exhausted", "{document}", "Documents failed because their message was delivered more than the dequeue limit.");

    /// <summary>
    /// Puts the rare events' counters at zero, so that their series exist from the start: a rate
    /// over a series that does not exist yet is no answer rather than zero.
    /// </summary>
    public static void Initialize()
    {
        LeaseTakeovers.Add(0);
        HeartbeatsLost.Add(0);
        DocumentsExhausted.Add(0);
        WorkersBusy.Add(0);
    }

    /// <summary>The operation type attribute: create, update or delete.</summary>
    public static KeyValuePair<string, object?> OperationType(ProvisioningState state) => new("rp.operation.type", state.OperationType());

    public static KeyValuePair<string, object?> Result(ProvisioningState state) => new("rp.operation.result", state.ToString());
}
