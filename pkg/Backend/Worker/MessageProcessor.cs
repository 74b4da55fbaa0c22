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

    public async Task ProcessAsync(QueueMessage message, string workerId, CancellationToken stoppingToken)
    {
        var item = WorkItem.TryParse(message.Body);
        if (item is null)
        {
            LogMalformed(logger, message.MessageId);
            await DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return;
        }

        using var scope = logger.BeginScope("documentId={DocumentId} workerId={WorkerId} correlationRequestId={CorrelationRequestId} clientRequestId={ClientRequestId} requestId={RequestId}", item.DocumentId, workerId, item.CorrelationRequestId, item.ClientRequestId, item.RequestId);

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
        var leaseTakenAt = time.GetUtcNow();
        var leased = await AcquireAsync(key, owner, message.MessageId, stoppingToken).ConfigureAwait(false);
        if (leased is null)
        {
            // A live worker holds the document and drives it until it is terminal; its own message
            // protects it should that worker die, so this duplicate is not needed.
            LogHeldElsewhere(logger, key);
            await DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return;
        }

        LogLeaseTaken(logger, key, owner);
        var heldUntil = leaseTakenAt + Options.LeaseDuration;
        if (!MayWorkUnder(heldUntil))
        {
            // Taking the lease took so long (a store that stalled) that it could run out at once:
            // the message, whose visibility ran out too, is another worker's to take.
            LogStopped(logger, key, owner, $"the lease was taken too late to work under it (held until {heldUntil:HH:mm:ss.fff})");
            return;
        }

        var state = new WorkState(message.PopReceipt);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(message.MessageId, key, owner, heldUntil, state, work);
        var completed = false;
        try
        {
            if (!leased.OpenShiftCluster.Properties.ProvisioningState.IsTerminal() && message.DequeueCount > Options.MaxDequeueCount)
            {
                await FailExhaustedAsync(leased, owner, message.DequeueCount, work.Token).ConfigureAwait(false);
            }
            else
            {
                await DriveAsync(key, owner, state, work.Token).ConfigureAwait(false);
            }

            completed = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The heartbeat stops first: a renewal that finished after the hand-back had read the
            // pop receipt would leave it stale, and the message hidden for a whole lease.
            await work.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            await HandBackAsync(key, owner, message.MessageId, state, TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (Exception e) when (work.IsCancellationRequested || e is LeaseLostException)
        {
            LogStopped(logger, key, owner, e.Message);
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
    /// Takes the document's lease unless another live worker holds it. A lease taken for this very
    /// message by a worker that has since lost it (the message came back) is taken over.
    /// </summary>
    private Task<OpenShiftClusterDocument?> AcquireAsync(string key, string owner, string messageId, CancellationToken cancellationToken) =>
        clusters.TryLeaseAsync(
            key,
            owner,
            time.GetUtcNow(),
            Options.LeaseDuration,
            mayTakeOver: holder => holder.EndsWith("/" + messageId, StringComparison.Ordinal),
            cancellationToken);

    /// <summary>Drives the document until it is terminal (lease released) or gone.</summary>
    private async Task DriveAsync(string key, string owner, WorkState state, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = await clusters.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (doc is null)
            {
                return;
            }

            if (doc.LeaseOwner != owner)
            {
                throw new LeaseLostException($"lease on {key} is no longer held by {owner}");
            }

            await CancelSupersededAsync(doc, key, owner, cancellationToken).ConfigureAwait(false);
            var properties = doc.OpenShiftCluster.Properties;
            if (properties.ProvisioningState.IsTerminal())
            {
                if (await SettleAsync(doc, key, owner, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            var operationId = doc.AsyncOperationId ?? "";
            var operationToken = state.BeginOperation(operationId, cancellationToken);
            using var operationScope = logger.BeginScope("resourceId={ResourceId} operationId={OperationId}", doc.OpenShiftCluster.Id, operationId);
            try
            {
                await RunOperationAsync(doc, owner, operationId, operationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && state.IsSuperseded)
            {
                LogSuperseded(logger, key, operationId);
            }
            catch (OperationSupersededException)
            {
                LogSuperseded(logger, key, operationId);
            }
            finally
            {
                state.EndOperation();
            }
        }
    }

    private async Task RunOperationAsync(OpenShiftClusterDocument doc, string owner, string operationId, CancellationToken cancellationToken)
    {
        var cluster = doc.OpenShiftCluster;
        var provisioningState = cluster.Properties.ProvisioningState;
        var install = cluster.Properties.Install;
        if (install.OperationId != operationId)
        {
            install.OperationId = operationId;
            install.CompletedPhases.Clear();
        }

        try
        {
            foreach (var phase in installer.PhasesFor(provisioningState))
            {
                if (install.CompletedPhases.Contains(phase))
                {
                    continue;
                }

                LogPhase(logger, doc.Key, provisioningState.ToString(), phase);
                await installer.RunPhaseAsync(phase, cluster, cancellationToken).ConfigureAwait(false);
                install.CompletedPhases.Add(phase);
                await clusters.PatchWithLeaseAsync(doc.Key, owner, time.GetUtcNow(), d =>
                {
                    EnsureOperation(d, operationId);
                    d.OpenShiftCluster = cluster;
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InstallerException e)
        {
            LogPhaseFailed(logger, doc.Key, e.Code);
            await FinishAsync(doc.Key, owner, operationId, cluster, ProvisioningState.Failed, new CloudErrorBody(e.Code, e.Message), provisioningState, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (provisioningState == ProvisioningState.Deleting)
        {
            await clusters.DeleteWithLeaseAsync(doc.Key, owner, time.GetUtcNow(), d =>
            {
                EnsureOperation(d, operationId);
                LogLeaseReleasing(logger, doc.Key, owner);
            }, cancellationToken).ConfigureAwait(false);
            await EndOperationAsync(operationId, ProvisioningState.Succeeded, null).ConfigureAwait(false);
            LogDone(logger, doc.Key, "Deleted");
            return;
        }

        await FinishAsync(doc.Key, owner, operationId, cluster, ProvisioningState.Succeeded, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The terminal write: state, outcome and lease release in one fenced write; then the operation document.</summary>
    private async Task FinishAsync(string key, string owner, string operationId, OpenShiftCluster cluster, ProvisioningState status, CloudErrorBody? error, ProvisioningState? failedIn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await clusters.PatchWithLeaseAsync(key, owner, now, d =>
        {
            EnsureOperation(d, operationId);
            cluster.Properties.ProvisioningState = status;
            cluster.Properties.FailedProvisioningState = failedIn;
            d.OpenShiftCluster = cluster;
            d.LastOperation = new OperationOutcome { Id = operationId, Status = status, EndTime = now, Error = error };
            d.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
            LogLeaseReleasing(logger, key, owner);
            d.LeaseOwner = null;
            d.LeaseExpires = null;
        }, cancellationToken).ConfigureAwait(false);
        await EndOperationAsync(operationId, status, error).ConfigureAwait(false);
        LogDone(logger, key, status.ToString());
    }

    /// <summary>A terminal document: make sure its operation says so, then release it. False if it moved on meanwhile.</summary>
    private async Task<bool> SettleAsync(OpenShiftClusterDocument doc, string key, string owner, CancellationToken cancellationToken)
    {
        if (doc.LastOperation is { } outcome)
        {
            await EndOperationAsync(outcome.Id, outcome.Status, outcome.Error).ConfigureAwait(false);
        }

        try
        {
            await clusters.PatchWithLeaseAsync(key, owner, time.GetUtcNow(), d =>
            {
                if (!d.OpenShiftCluster.Properties.ProvisioningState.IsTerminal())
                {
                    throw new OperationSupersededException(d.AsyncOperationId ?? "");
                }

                LogLeaseReleasing(logger, key, owner);
                d.LeaseOwner = null;
                d.LeaseExpires = null;
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationSupersededException)
        {
            return false;
        }
    }

    /// <summary>Records as Canceled the operations a later request superseded, then forgets them.</summary>
    private async Task CancelSupersededAsync(OpenShiftClusterDocument doc, string key, string owner, CancellationToken cancellationToken)
    {
        if (doc.CanceledAsyncOperationIds is not { Count: > 0 } canceled)
        {
            return;
        }

        foreach (var id in canceled)
        {
            await EndOperationAsync(id, ProvisioningState.Canceled, AsyncOperationDocument.CanceledError()).ConfigureAwait(false);
        }

        await clusters.PatchWithLeaseAsync(key, owner, time.GetUtcNow(), d => d.CanceledAsyncOperationIds?.RemoveAll(canceled.Contains), cancellationToken).ConfigureAwait(false);
    }

    private async Task FailExhaustedAsync(OpenShiftClusterDocument doc, string owner, int dequeueCount, CancellationToken cancellationToken)
    {
        LogExhausted(logger, doc.Key, dequeueCount);
        await CancelSupersededAsync(doc, doc.Key, owner, cancellationToken).ConfigureAwait(false);
        var current = await clusters.GetAsync(doc.Key, cancellationToken).ConfigureAwait(false) ?? throw new LeaseLostException($"document {doc.Key} no longer exists");
        var state = current.OpenShiftCluster.Properties.ProvisioningState;
        await FinishAsync(
            doc.Key,
            owner,
            current.AsyncOperationId ?? "",
            current.OpenShiftCluster,
            ProvisioningState.Failed,
            new CloudErrorBody(CloudErrorCodes.InternalServerError, $"The operation did not complete after {dequeueCount - 1} attempts."),
            state,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task EndOperationAsync(string operationId, ProvisioningState status, CloudErrorBody? error)
    {
        if (operationId.Length == 0)
        {
            return;
        }

        // Not canceled by the work token: once the resource says how it ended, its operation must too.
        await Retry.OnPreconditionFailedAsync(async ct =>
        {
            var operation = await operations.GetAsync(operationId, ct).ConfigureAwait(false);
            if (operation is not null && operation.End(status, error, time.GetUtcNow()))
            {
                await operations.ReplaceAsync(operation, ct).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Releases the lease and lets the message come back after <paramref name="delay"/>, for another worker or a retry.</summary>
    private async Task HandBackAsync(string key, string owner, string messageId, WorkState state, TimeSpan delay)
    {
        try
        {
            await clusters.PatchWithLeaseAsync(key, owner, time.GetUtcNow(), d =>
            {
                LogLeaseReleasing(logger, key, owner);
                d.LeaseOwner = null;
                d.LeaseExpires = null;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LeaseLostException or DatabaseException)
        {
            LogLost(logger, key, e.Message);
        }

        try
        {
            await queue.UpdateVisibilityAsync(messageId, state.PopReceipt, delay).ConfigureAwait(false);
        }
        catch (MessageLostException e)
        {
            LogLost(logger, key, e.Message);
        }
    }

    private async Task DeleteMessageAsync(string messageId, string popReceipt)
    {
        try
        {
            await queue.DeleteAsync(messageId, popReceipt).ConfigureAwait(false);
        }
        catch (MessageLostException e)
        {
            // Redelivered meanwhile: the next delivery finds nothing left to do.
            LogLost(logger, messageId, e.Message);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped malformed message {MessageId}")]
    private static partial void LogMalformed(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key} is already {State}; dropping the message")]
    private static partial void LogSettled(ILogger logger, string key, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key} is leased by another live worker; dropping the duplicate message")]
    private static partial void LogHeldElsewhere(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: {ProvisioningState} phase {Phase}")]
    private static partial void LogPhase(ILogger logger, string key, string provisioningState, string phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: phase failed with {Code}")]
    private static partial void LogPhaseFailed(ILogger logger, string key, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: {Outcome}")]
    private static partial void LogDone(ILogger logger, string key, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: operation {OperationId} was superseded by a later request")]
    private static partial void LogSuperseded(ILogger logger, string key, string operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: delivered {DequeueCount} times; failing it")]
    private static partial void LogExhausted(ILogger logger, string key, int dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: stopped, ownership lost: {Reason}")]
    private static partial void LogLost(ILogger logger, string key, string reason);

    // The lease lines bound each worker's tenure on a document, so that a log alone shows whether
    // two workers ever held one document at once: "taken" is written after the lease write,
    // "releasing" before the write that gives the lease up, "stopped" when the work stops without it.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: lease taken by {Owner}")]
    private static partial void LogLeaseTaken(ILogger logger, string key, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: releasing the lease of {Owner}")]
    private static partial void LogLeaseReleasing(ILogger logger, string key, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: work of {Owner} stopped, ownership lost: {Reason}")]
    private static partial void LogStopped(ILogger logger, string key, string owner, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: heartbeat failed: {Reason}")]
    private static partial void LogHeartbeatLost(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Key}: unexpected failure; the message will be retried")]
    private static partial void LogUnexpected(ILogger logger, string key, Exception exception);
}
