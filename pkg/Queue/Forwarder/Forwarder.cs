using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Env;

namespace Rp.Queue.Forwarder;

/// <summary>
/// Moves work from the database to the queue: one active instance (leader lease) reads the
/// clusters' change feed from its checkpoint and puts every unqueued document on the queue, then
/// clears the flag with the ETag of the version it enqueued. At-least-once: a crash between the
/// two only enqueues a document twice. On stop it finishes the batch in hand (canceled only at
/// <see cref="DrainOptions.WorkDeadline"/>) and releases the lease, so a standby takes over at once.
/// A write in this process wakes it at once (<see cref="PollSignals.ClusterWrites"/>); writes of
/// other processes are seen at the next poll. A batch is forwarded together: its messages are put
/// at once, then its flags cleared at once, so a store that commits concurrent writes together
/// (the embedded one) does so in two transactions per batch.
/// </summary>
public sealed partial class Forwarder(
    IOpenShiftClusters clusters,
    ISubscriptions subscriptions,
    ILeases leases,
    IWorkQueue queue,
    TimeProvider time,
    IOptions<ForwarderOptions> options,
    ILogger<Forwarder> logger,
    ForwarderStatus? status = null,
    IOptions<DrainOptions>? drain = null,
    PollSignals? signals = null) : BackgroundService
{
    public const string LeaseName = "forwarder";

    private readonly LeaderLease lease = new(leases, time, LeaseName, InstanceId.New(), options.Value.LeaseDuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
        QueueTelemetry.Initialize();
        var leading = false;
        using var abort = new CancellationTokenSource();
        using var deadline = stoppingToken.Register(() => abort.CancelAfter((drain?.Value ?? new DrainOptions()).WorkDeadline));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var worked = false;
                try
                {
                    var nowLeading = await lease.TryAcquireOrRenewAsync(abort.Token).ConfigureAwait(false);
                    status?.Viewed(nowLeading, time.GetUtcNow());
                    if (nowLeading && !leading)
                    {
                        LogLeading(logger, lease.Owner);
                        QueueTelemetry.LeadTaken.Add(1);
                        await SweepAsync(abort.Token).ConfigureAwait(false);
                    }
                    else if (!nowLeading && leading)
                    {
                        LogStandby(logger, lease.Owner);
                    }

                    leading = nowLeading;
                    if (leading)
                    {
                        worked = await ForwardChangesAsync(abort.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, e);
                    leading = false;
                }

                if (!worked)
                {
                    await WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            status?.Stopped();
            if (leading)
            {
                await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
                LogReleased(logger, lease.Owner);
            }
        }
    }

    /// <summary>One batch of the change feed; true when it moved on (false too when the lead was lost on the way).</summary>
    internal async Task<bool> ForwardChangesAsync(CancellationToken cancellationToken)
    {
        var from = lease.Continuation;
        var page = await clusters.ReadChangeFeedAsync(from, options.Value.BatchSize, unqueuedOnly: true, cancellationToken).ConfigureAwait(false);
        if (!(await ForwardAsync(page.Items, cancellationToken).ConfigureAwait(false)).Leading || page.Continuation == from)
        {
            return false;
        }

        // A page without unqueued documents still moved past others: more may follow at once.
        await lease.SaveContinuationAsync(page.Continuation, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// On taking the lead: every partition's unqueued documents, whatever the checkpoint says, a
    /// batch at a time (a backlog is never held in memory at once).
    /// </summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var subscription in await subscriptions.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            string? continuation = null;
            do
            {
                var page = await clusters.ListUnqueuedAsync(subscription.PartitionKey, continuation, options.Value.BatchSize, cancellationToken).ConfigureAwait(false);
                var (forwarded, leading) = await ForwardAsync(page.Items, cancellationToken).ConfigureAwait(false);
                count += forwarded;
                if (!leading)
                {
                    LogSweepStopped(logger, count);
                    return;
                }

                continuation = page.Continuation;
            }
            while (continuation is not null);
        }

        LogSwept(logger, count);
    }

    /// <summary>
    /// Puts every document of the batch that asks for work on the queue, one after the other,
    /// renewing the lease when it is due before each (a long batch, or a slow queue, must neither
    /// let the lease lapse while this instance still acts as the leader, nor go on once another has
    /// taken the lead). Each document's flag is cleared, with the ETag of the version enqueued, as
    /// soon as its message is put, while the next message is put; a store that commits concurrent
    /// writes together commits those clears together. A clear that loses to a newer write reads the
    /// document again: if it still asks for work, it is enqueued again rather than a flag this
    /// instance has not acted on cleared.
    /// </summary>
    private async Task<(int Forwarded, bool Leading)> ForwardAsync(IReadOnlyList<OpenShiftClusterDocument> documents, CancellationToken cancellationToken)
    {
        var forwarded = 0;
        var pending = documents.Where(d => d.Unqueued).ToList();
        while (pending.Count > 0)
        {
            var clears = new List<Task<OpenShiftClusterDocument?>>(pending.Count);
            var leading = true;
            foreach (var document in pending)
            {
                if (!await lease.TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false))
                {
                    leading = false;
                    break;
                }

                await PutAsync(document, cancellationToken).ConfigureAwait(false);
                clears.Add(ClearAsync(document, cancellationToken));
            }

            var again = await Task.WhenAll(clears).ConfigureAwait(false);
            forwarded += clears.Count;
            if (!leading)
            {
                return (forwarded, false);
            }

            pending = [.. again.OfType<OpenShiftClusterDocument>()];
        }

        return (forwarded, true);
    }

    private async Task PutAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        // The forwarding continues the request's trace; the message carries it on to the backend.
        using var activity = QueueTelemetry.Source.StartActivity("forward", ActivityKind.Producer, document.Correlation?.TraceContext() ?? default);
        activity?.SetTag("rp.document.id", document.Id);
        await queue.PutAsync(WorkItemFor(document, activity).Serialize(), cancellationToken).ConfigureAwait(false);
        QueueTelemetry.Forwarded.Add(1);
        if (document.Correlation?.AcceptedAt is { } acceptedAt)
        {
            QueueTelemetry.ForwarderLag.Record((time.GetUtcNow() - acceptedAt).TotalSeconds);
        }

        LogForwarded(logger, document.Key, document.Correlation?.CorrelationRequestId);
    }

    /// <summary>
    /// Clears the flag of the version enqueued, then wakes a worker of this process for its message
    /// (woken sooner, it would lease the document first, and the clear would lose to its write).
    /// Returns a newer version that still asks for work when the clear loses, else null.
    /// </summary>
    private async Task<OpenShiftClusterDocument?> ClearAsync(OpenShiftClusterDocument document, CancellationToken cancellationToken)
    {
        document.Unqueued = false;
        try
        {
            await clusters.ReplaceAsync(document, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (PreconditionFailedException)
        {
            var newer = await clusters.GetByIdAsync(document.PartitionKey, document.Id, cancellationToken).ConfigureAwait(false);
            return newer is { Unqueued: true } ? newer : null;
        }
        finally
        {
            signals?.MessagesPut.Notify();
        }
    }

    /// <summary>Until the next poll, or a cluster write of this process before it.</summary>
    private Task WaitAsync(CancellationToken cancellationToken) =>
        signals is null
            ? Task.Delay(options.Value.PollInterval, time, cancellationToken)
            : signals.ClusterWrites.WaitAsync(options.Value.PollInterval, time, cancellationToken);

    private static WorkItem WorkItemFor(OpenShiftClusterDocument document, Activity? forwarding) => new()
    {
        DocumentId = document.Id,
        PartitionKey = document.PartitionKey,
        CorrelationRequestId = document.Correlation?.CorrelationRequestId,
        ClientRequestId = document.Correlation?.ClientRequestId,
        RequestId = document.Correlation?.RequestId,
        TraceParent = forwarding?.Id ?? document.Correlation?.TraceParent,
        TraceState = forwarding?.TraceStateString ?? document.Correlation?.TraceState,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarder {Owner} is now the leader")]
    private static partial void LogLeading(ILogger logger, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarder {Owner} lost the lead")]
    private static partial void LogStandby(ILogger logger, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarder {Owner} released the lead")]
    private static partial void LogReleased(ILogger logger, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up sweep forwarded {Count} unqueued documents")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up sweep stopped after {Count} documents: the lead was lost")]
    private static partial void LogSweepStopped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded {Key} (correlation {CorrelationRequestId})")]
    private static partial void LogForwarded(ILogger logger, string key, string? correlationRequestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Forwarder iteration failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
