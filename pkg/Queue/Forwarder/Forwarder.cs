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
    IOptions<DrainOptions>? drain = null) : BackgroundService
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
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
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

    /// <summary>One batch of the change feed; true when it held changes (false too when the lead was lost on the way).</summary>
    internal async Task<bool> ForwardChangesAsync(CancellationToken cancellationToken)
    {
        var from = lease.Continuation;
        var page = await clusters.ReadChangeFeedAsync(from, options.Value.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var document in page.Items.Where(d => d.Unqueued))
        {
            if (!await StillLeadingAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await ForwardAsync(document, cancellationToken).ConfigureAwait(false);
        }

        if (page.Continuation != from)
        {
            await lease.SaveContinuationAsync(page.Continuation, cancellationToken).ConfigureAwait(false);
        }

        return page.Items.Count > 0;
    }

    /// <summary>On taking the lead: every partition's unqueued documents, whatever the checkpoint says.</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var subscription in await subscriptions.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var document in await clusters.ListUnqueuedAsync(subscription.PartitionKey, cancellationToken).ConfigureAwait(false))
            {
                if (!await StillLeadingAsync(cancellationToken).ConfigureAwait(false))
                {
                    LogSweepStopped(logger, count);
                    return;
                }

                await ForwardAsync(document, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        LogSwept(logger, count);
    }

    /// <summary>
    /// Renews the lease when it is due, between two documents: a long batch (a big sweep, a slow
    /// queue) must neither let the lease lapse while this instance still acts as the leader, nor
    /// go on once another instance has taken the lead.
    /// </summary>
    private Task<bool> StillLeadingAsync(CancellationToken cancellationToken) => lease.TryAcquireOrRenewAsync(cancellationToken);

    private async Task ForwardAsync(OpenShiftClusterDocument? document, CancellationToken cancellationToken)
    {
        while (document is { Unqueued: true })
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
            document.Unqueued = false;
            try
            {
                await clusters.ReplaceAsync(document, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PreconditionFailedException)
            {
                // A newer version was written after the one enqueued: if it still asks for work,
                // enqueue again rather than clear a flag this instance has not acted on.
                document = await clusters.GetByIdAsync(document.PartitionKey, document.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

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
