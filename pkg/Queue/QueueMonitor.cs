using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rp.Queue;

/// <summary>
/// Samples the queue's backlog every <see cref="QueueOptions.StatisticsInterval"/> for the
/// <c>rp.queue.*</c> gauges, which must not call the queue themselves (a scrape would wait on it).
/// Its meter comes from the container's factory: one set of gauges per queue the process uses.
/// </summary>
internal sealed partial class QueueMonitor : BackgroundService
{
    private readonly IWorkQueue queue;
    private readonly TimeProvider time;
    private readonly IOptions<QueueOptions> options;
    private readonly IOptions<DequeueLimitOptions> limit;
    private readonly ILogger<QueueMonitor> logger;
    private volatile QueueStatus? last;

    public QueueMonitor(IWorkQueue queue, TimeProvider time, IOptions<QueueOptions> options, IOptions<DequeueLimitOptions> limit, IMeterFactory meters, ILogger<QueueMonitor> logger)
    {
        this.queue = queue;
        this.time = time;
        this.options = options;
        this.limit = limit;
        this.logger = logger;
        var meter = meters.Create(QueueTelemetry.Name);
        meter.CreateObservableGauge(
            "rp.queue.depth",
            () => last is { } sample ? [new Measurement<long>(sample.Depth)] : Array.Empty<Measurement<long>>(),
            "{message}",
            "Messages in the work queue, visible or not.");
        meter.CreateObservableGauge(
            "rp.queue.oldest_message.age",
            () => last is { } sample ? [new Measurement<double>(AgeOfOldest(sample, time).TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s",
            "How long the oldest message still in the queue has been there; 0 when there is none.");
        meter.CreateObservableGauge(
            "rp.queue.messages.past_dequeue_limit",
            () => last is { } sample ? [new Measurement<long>(sample.PastDequeueLimit)] : Array.Empty<Measurement<long>>(),
            "{message}",
            "Messages delivered Backend:MaxDequeueCount times or more: their next delivery fails their documents.");
    }

    /// <summary>The last sample; null before the first, or after a failed one (a stale backlog would mislead).</summary>
    public QueueStatus? Last => last;

    /// <summary>How long the oldest message <paramref name="status"/> saw has been in the queue; zero when it saw none.</summary>
    public static TimeSpan AgeOfOldest(QueueStatus status, TimeProvider time)
    {
        var age = time.GetUtcNow() - status.OldestInsertedOn;
        return age > TimeSpan.Zero ? age.Value : TimeSpan.Zero;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    last = await queue.GetStatusAsync(limit.Value.MaxDequeueCount, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    last = null;
                    LogFailed(logger, e.Message);
                }

                await Task.Delay(options.Value.StatisticsInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the queue's backlog failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
