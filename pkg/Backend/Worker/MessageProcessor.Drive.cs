using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rp.Api;
using Rp.Backend.Installer;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Backend.Worker;

/// <summary>Driving a leased document through its operation's phases to a terminal state, and recording how its operations ended.</summary>
internal sealed partial class MessageProcessor
{
    /// <summary>
    /// Drives the document until it is terminal (lease released) or gone. <paramref name="leased"/>
    /// is the worker's copy from its lease write: every write starts from the copy the last one
    /// returned, and the document is read again only when a write lost to someone else's.
    /// </summary>
    private async Task DriveAsync(OpenShiftClusterDocument leased, string key, string owner, WorkState state, CancellationToken cancellationToken)
    {
        OpenShiftClusterDocument? doc = leased;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            doc ??= await clusters.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (doc is null)
            {
                return;
            }

            if (doc.LeaseOwner != owner)
            {
                throw new LeaseLostException($"lease on {key} is no longer held by {owner}");
            }

            doc = await CancelSupersededAsync(doc, owner, cancellationToken).ConfigureAwait(false);
            var properties = doc.OpenShiftCluster.Properties;
            if (properties.ProvisioningState.IsTerminal())
            {
                if (await SettleAsync(doc, key, owner, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                doc = null;
                continue;
            }

            var operationId = doc.AsyncOperationId ?? "";
            var operationToken = state.BeginOperation(operationId, cancellationToken);
            using var operationScope = logger.BeginScope("resourceId={ResourceId} operationId={OperationId}", doc.OpenShiftCluster.Id, operationId);
            try
            {
                await RunOperationAsync(doc, owner, operationId, state, operationToken).ConfigureAwait(false);
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

            doc = null;
        }
    }

    /// <summary>
    /// Runs the operation's phases not yet done and ends it. A phase's result is written (the
    /// checkpoint) once the phases run since the last one took <see cref="BackendOptions.CheckpointAfter"/>;
    /// quicker ones go with the next write (the terminal one, for a create whose phases all are).
    /// What is not yet written is in <see cref="WorkState.Unsaved"/>, which a hand-back writes, and
    /// which a crash loses: those phases run again, as every phase may.
    /// </summary>
    private async Task RunOperationAsync(OpenShiftClusterDocument doc, string owner, string operationId, WorkState state, CancellationToken cancellationToken)
    {
        var cluster = doc.OpenShiftCluster;
        var provisioningState = cluster.Properties.ProvisioningState;
        var install = cluster.Properties.Install;
        if (install.OperationId != operationId)
        {
            install.OperationId = operationId;
            install.CompletedPhases.Clear();
        }

        var sinceCheckpoint = TimeSpan.Zero;
        try
        {
            foreach (var phase in installer.PhasesFor(provisioningState))
            {
                if (install.CompletedPhases.Contains(phase))
                {
                    continue;
                }

                // At a checkpoint: a stopping process writes what it has done and hands the
                // document back here rather than mid-phase, and does not start another phase.
                if (state.Draining.IsCancellationRequested)
                {
                    doc = await CheckpointAsync(doc, owner, operationId, cluster, state, cancellationToken).ConfigureAwait(false);
                    state.Draining.ThrowIfCancellationRequested();
                }

                LogPhase(logger, doc.Key, provisioningState.ToString(), phase);
                sinceCheckpoint += await RunPhaseAsync(phase, provisioningState, cluster, cancellationToken).ConfigureAwait(false);
                install.CompletedPhases.Add(phase);
                state.Unsaved(operationId, cluster);
                if (sinceCheckpoint >= Options.CheckpointAfter || state.Draining.IsCancellationRequested)
                {
                    doc = await CheckpointAsync(doc, owner, operationId, cluster, state, cancellationToken).ConfigureAwait(false);
                    sinceCheckpoint = TimeSpan.Zero;
                }
            }
        }
        catch (InstallerException e)
        {
            LogPhaseFailed(logger, doc.Key, e.Code);
            await FinishAsync(doc, owner, operationId, cluster, ProvisioningState.Failed, new CloudErrorBody(e.Code, e.Message), provisioningState, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (provisioningState == ProvisioningState.Deleting)
        {
            await clusters.DeleteWithLeaseAsync(doc.Key, owner, time.GetUtcNow(), d =>
            {
                EnsureOperation(d, operationId);
                LogLeaseReleasing(logger, doc.Key, owner);
            }, cancellationToken).ConfigureAwait(false);
            state.Saved();
            await EndOperationAsync(operationId, ProvisioningState.Succeeded, null).ConfigureAwait(false);
            LogDone(logger, doc.Key, "Deleted");
            return;
        }

        await FinishAsync(doc, owner, operationId, cluster, ProvisioningState.Succeeded, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the phases done so far (a fenced write of the worker's cluster, still for this operation).</summary>
    private async Task<OpenShiftClusterDocument> CheckpointAsync(OpenShiftClusterDocument doc, string owner, string operationId, OpenShiftCluster cluster, WorkState state, CancellationToken cancellationToken)
    {
        var written = await clusters.PatchWithLeaseAsync(doc, owner, time.GetUtcNow(), d =>
        {
            EnsureOperation(d, operationId);
            d.OpenShiftCluster = cluster;
        }, cancellationToken).ConfigureAwait(false);
        state.Saved();
        return written;
    }

    /// <summary>One phase, in a span of its own, timed by result (succeeded, failed or canceled); returns how long it took.</summary>
    private async Task<TimeSpan> RunPhaseAsync(string phase, ProvisioningState provisioningState, OpenShiftCluster cluster, CancellationToken cancellationToken)
    {
        using var activity = BackendTelemetry.Source.StartActivity("phase " + phase);
        activity?.SetTag("rp.install.phase", phase);
        var started = Stopwatch.GetTimestamp();
        var result = "failed";
        try
        {
            await installer.RunPhaseAsync(phase, cluster, cancellationToken).ConfigureAwait(false);
            result = "succeeded";
            return Stopwatch.GetElapsedTime(started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = "canceled";
            throw;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            BackendTelemetry.PhaseDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("rp.install.phase", phase),
                BackendTelemetry.OperationType(provisioningState),
                new("rp.install.phase.result", result));
        }
    }

    /// <summary>The terminal write: state, outcome, phases not yet written and lease release in one fenced write; then the operation document.</summary>
    private async Task FinishAsync(OpenShiftClusterDocument doc, string owner, string operationId, OpenShiftCluster cluster, ProvisioningState status, CloudErrorBody? error, ProvisioningState? failedIn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await clusters.PatchWithLeaseAsync(doc, owner, now, d =>
        {
            EnsureOperation(d, operationId);
            cluster.Properties.ProvisioningState = status;
            cluster.Properties.FailedProvisioningState = failedIn;
            d.OpenShiftCluster = cluster;
            d.LastOperation = new OperationOutcome { Id = operationId, Status = status, EndTime = now, Error = error };
            d.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
            LogLeaseReleasing(logger, doc.Key, owner);
            d.LeaseOwner = null;
            d.LeaseExpires = null;
        }, cancellationToken).ConfigureAwait(false);
        await EndOperationAsync(operationId, status, error).ConfigureAwait(false);
        LogDone(logger, doc.Key, status.ToString());
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

    /// <summary>Records as Canceled the operations a later request superseded, then forgets them; returns the worker's copy after that write.</summary>
    private async Task<OpenShiftClusterDocument> CancelSupersededAsync(OpenShiftClusterDocument doc, string owner, CancellationToken cancellationToken)
    {
        if (doc.CanceledAsyncOperationIds is not { Count: > 0 } canceled)
        {
            return doc;
        }

        foreach (var id in canceled.ToList())
        {
            await EndOperationAsync(id, ProvisioningState.Canceled, AsyncOperationDocument.CanceledError()).ConfigureAwait(false);
        }

        var ended = canceled.ToList();
        return await clusters.PatchWithLeaseAsync(doc, owner, time.GetUtcNow(), d => d.CanceledAsyncOperationIds?.RemoveAll(ended.Contains), cancellationToken).ConfigureAwait(false);
    }

    private async Task FailExhaustedAsync(OpenShiftClusterDocument doc, string owner, int dequeueCount, CancellationToken cancellationToken)
    {
        LogExhausted(logger, doc.Key, dequeueCount);
        BackendTelemetry.DocumentsExhausted.Add(1);
        var current = await CancelSupersededAsync(doc, owner, cancellationToken).ConfigureAwait(false);
        var state = current.OpenShiftCluster.Properties.ProvisioningState;
        await FinishAsync(
            current,
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
        var ended = await Retry.OnPreconditionFailedAsync(async ct =>
        {
            var operation = await operations.GetAsync(operationId, ct).ConfigureAwait(false);
            if (operation is not null && operation.End(status, error, time.GetUtcNow()))
            {
                await operations.ReplaceAsync(operation, ct).ConfigureAwait(false);
                return operation;
            }

            return null;
        }).ConfigureAwait(false);

        // Counted by the one write that ended the operation, so a redelivery does not count it twice.
        if (ended is not null)
        {
            var type = BackendTelemetry.OperationType(ended.InitialProvisioningState);
            var result = BackendTelemetry.Result(status);
            BackendTelemetry.OperationsFinished.Add(1, type, result);
            BackendTelemetry.OperationDuration.Record((ended.AsyncOperation.EndTime!.Value - ended.AsyncOperation.StartTime).TotalSeconds, type, result);
        }
    }
}
