using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Backend.Installer;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Queue;

namespace Rp.Backend.Worker;

/// <summary>
/// Handles one queue message: leases its document, heartbeats the lease and the message while it
/// drives the document through the installer's checkpointed phases to a terminal state, and only
/// then deletes the message. Every write is fenced on the lease; losing either heartbeat stops
/// the work; a document that moves on to another operation (a DELETE) cancels the running one.
/// Its work continues the trace that the message carries.
/// </summary>
internal sealed partial class MessageProcessor(
    IOpenShiftClusters clusters,
    IAsyncOperations operations,
    IWorkQueue queue,
    IClusterInstaller installer,
    TimeProvider time,
    IOptions<BackendOptions> options,
    ILogger<MessageProcessor> logger)
{
    private BackendOptions Options => options.Value;

    /// <summary>
    /// How long before its unrenewed lease runs out a worker stops: time for the work to notice and
    /// stop before another worker may take the document (on one clock; across machines, more than
    /// their clocks differ).
    /// </summary>
    private TimeSpan LeaseMargin => Options.LeaseDuration / 4;

    /// <summary>
    /// Processes <paramref name="message"/>. <paramref name="stoppingToken"/> stops the work at once;
    /// <paramref name="draining"/> stops it at the next checkpoint (the end of the running phase).
    /// Either way the document is handed back for another worker.
    /// </summary>
    public async Task ProcessAsync(QueueMessage message, string workerId, CancellationToken stoppingToken, CancellationToken draining = default)
    {
        var item = WorkItem.TryParse(message.Body);
        if (item is null)
        {
            LogMalformed(logger, message.MessageId);
            await DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return;
        }

        using var activity = BackendTelemetry.Source.StartActivity("process work item", ActivityKind.Consumer, item.ParentContext());
        activity?.SetTag("rp.document.id", item.DocumentId);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("messaging.message.delivery_count", message.DequeueCount);
        using var scope = logger.BeginScope("documentId={DocumentId} workerId={WorkerId} correlationRequestId={CorrelationRequestId} clientRequestId={ClientRequestId} requestId={MsRequestId}", item.DocumentId, workerId, item.CorrelationRequestId, item.ClientRequestId, item.RequestId);

        var document = await clusters.GetByIdAsync(item.PartitionKey, item.DocumentId, stoppingToken).ConfigureAwait(false);
        if (document is null)
        {
            await DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return;
        }

        if (IsSettled(document))
        {
            // A duplicate or late delivery (forwarding is at-least-once): nothing is left to do, so
            // the resource is not written. Only its operation is brought in line, in case a worker
            // died between the resource's terminal write and the operation's.
            if (document.LastOperation is { } outcome)
            {
                await EndOperationAsync(outcome.Id, outcome.Status, outcome.Error).ConfigureAwait(false);
            }

            LogSettled(logger, document.Key, document.OpenShiftCluster.Properties.ProvisioningState.ToString());
            await DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return;
        }

        var key = document.Key;
        var owner = $"{workerId}/{message.MessageId}";

        // Read before the lease write, which starts from this very copy.
        var takeover = document.LeaseOwner is not null;
        var leased = await AcquireAsync(document, owner, message, stoppingToken).ConfigureAwait(false);
        if (leased is null)
        {
            // A live worker holds the document and drives it until it is terminal; its own message
            // protects it should that worker die, so this duplicate is not needed. Or the document
            // was deleted since it was read (perhaps created again: a new document, with a message
            // of its own), and nothing is left for this message.
            LogHeldElsewhere(logger, key);
            await DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return;
        }

        LogLeaseTaken(logger, key, owner);
        if (takeover)
        {
            BackendTelemetry.LeaseTakeovers.Add(1);
        }

        using var state = new WorkState(message.PopReceipt, time, LeaseMargin, draining);

        // The message's visibility bounds the work as much as the lease does: once the message is
        // visible again, another worker takes it and, the lease being for this very message, takes
        // the lease over. It was set when the message was received, perhaps long before the lease
        // (a store that stalled in between).
        state.LeaseHeldUntil(Earliest(leased.LeaseExpires!.Value, message.NextVisibleOn));
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, state.LeaseDeadline);

        // Said when it happens (a lease taken too late: at once), not when the work has wound down:
        // from here on another worker may take the document.
        using var deadlineLog = state.LeaseDeadline.Register(() => LogHeartbeatLost(logger, key, "the lease would run out before it was renewed; stopping the work"));
        var heartbeat = HeartbeatAsync(message.MessageId, key, owner, state, work);
        var completed = false;
        try
        {
            if (!leased.OpenShiftCluster.Properties.ProvisioningState.IsTerminal() && message.DequeueCount > Options.MaxDequeueCount)
            {
                await FailExhaustedAsync(leased, owner, message.DequeueCount, work.Token).ConfigureAwait(false);
            }
            else
            {
                await DriveAsync(leased, key, owner, state, work.Token).ConfigureAwait(false);
            }

            completed = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || draining.IsCancellationRequested)
        {
            // The heartbeat stops first: a renewal that finished after the hand-back had read the
            // pop receipt would leave it stale, and the message hidden for a whole lease.
            await work.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            await HandBackAsync(key, owner, message.MessageId, state, TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (Exception e) when (work.IsCancellationRequested || e is LeaseLostException)
        {
            if (state.LeaseRanOut)
            {
                BackendTelemetry.HeartbeatsLost.Add(1);
            }

            LogStopped(logger, key, owner, state.LeaseRanOut ? "the lease was not renewed in time" : e.Message);
        }
        catch (Exception e)
        {
            LogUnexpected(logger, key, e);
            await work.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            await HandBackAsync(key, owner, message.MessageId, state, Options.RetryBackoff).ConfigureAwait(false);
            return;
        }
        finally
        {
            await work.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }

        if (completed)
        {
            await DeleteMessageAsync(message.MessageId, state.PopReceipt).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes the document's lease unless another live worker holds it, starting from the copy just
    /// read. A lease taken for this very message by a worker that has since lost it (the message
    /// came back) is taken over. The message's delivery count is recorded with the lease, for operators.
    /// The lease write also clears the document's <c>unqueued</c> flag: the message in hand covers
    /// every request on the document until it is terminal (the work follows a newer operation, and
    /// the message comes back if the work stops), so the forwarder need not put another; left set,
    /// the forwarder's own clear would lose to this write and enqueue the document a second time.
    /// </summary>
    private Task<OpenShiftClusterDocument?> AcquireAsync(OpenShiftClusterDocument read, string owner, QueueMessage message, CancellationToken cancellationToken) =>
        clusters.TryLeaseAsync(
            read,
            owner,
            time,
            Options.LeaseDuration,
            mayTakeOver: holder => holder.EndsWith("/" + message.MessageId, StringComparison.Ordinal),
            whileLeasing: doc =>
            {
                doc.DequeueCount = message.DequeueCount;
                doc.Unqueued = false;
            },
            cancellationToken);

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Terminal, released, and no superseded operation left to record as Canceled.</summary>
    private static bool IsSettled(OpenShiftClusterDocument doc) =>
        doc.OpenShiftCluster.Properties.ProvisioningState.IsTerminal()
        && doc.LeaseOwner is null
        && doc.CanceledAsyncOperationIds is not { Count: > 0 };

    private static void EnsureOperation(OpenShiftClusterDocument doc, string operationId)
    {
        if (doc.AsyncOperationId != operationId)
        {
            throw new OperationSupersededException(operationId);
        }
    }
}
