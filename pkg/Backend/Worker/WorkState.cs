using Rp.Api;

namespace Rp.Backend.Worker;

/// <summary>
/// What a worker and its heartbeat share about one message: the current pop receipt, the operation
/// being driven, the means to stop that operation when the document moves on, whether the process
/// is draining (then the work stops at its next checkpoint), the deadline by which the lease
/// must have been renewed for the work to go on, and the phases done but not yet written.
/// </summary>
internal sealed class WorkState(string popReceipt, TimeProvider time, TimeSpan leaseMargin, CancellationToken draining = default) : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource leaseDeadline = new(Timeout.InfiniteTimeSpan, time);
    private string popReceipt = popReceipt;
    private string? operationId;
    private CancellationTokenSource? operation;
    private (string OperationId, OpenShiftCluster Cluster)? unsaved;

    /// <summary>Canceled when the process stops: the work ends at its next checkpoint and hands the document back.</summary>
    public CancellationToken Draining => draining;

    /// <summary>
    /// Canceled <c>leaseMargin</c> before the last lease this worker stored runs out unrenewed.
    /// Fencing keeps a late worker's writes out, but not its other work: once the lease runs out
    /// another worker may take the document, so this one stops first, whatever its heartbeat is
    /// still waiting for.
    /// </summary>
    public CancellationToken LeaseDeadline => leaseDeadline.Token;

    public bool LeaseRanOut => leaseDeadline.IsCancellationRequested;

    public string PopReceipt
    {
        get { lock (gate) { return popReceipt; } }
        set { lock (gate) { popReceipt = value; } }
    }

    /// <summary>Starts driving <paramref name="id"/>; the returned token is canceled if the document leaves it.</summary>
    public CancellationToken BeginOperation(string id, CancellationToken workToken)
    {
        lock (gate)
        {
            operation?.Dispose();
            operationId = id;
            operation = CancellationTokenSource.CreateLinkedTokenSource(workToken);
            return operation.Token;
        }
    }

    /// <summary>Called by the heartbeat with the document's current operation.</summary>
    public void Observe(string? currentOperationId)
    {
        lock (gate)
        {
            if (operationId is not null && currentOperationId != operationId)
            {
                operation?.Cancel();
            }
        }
    }

    /// <summary>The lease is stored until <paramref name="expires"/>: the work may go on until the margin before it.</summary>
    public void LeaseHeldUntil(DateTimeOffset expires)
    {
        var left = expires - leaseMargin - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            leaseDeadline.CancelAfter(left);
        }
        else
        {
            leaseDeadline.Cancel();
        }
    }

    /// <summary>The cluster as its completed phases left it, when that is not yet written: a hand-back writes it.</summary>
    public (string OperationId, OpenShiftCluster Cluster)? UnsavedProgress
    {
        get { lock (gate) { return unsaved; } }
    }

    /// <summary>A phase of <paramref name="operationId"/> completed on <paramref name="cluster"/> and is not written yet.</summary>
    public void Unsaved(string operationId, OpenShiftCluster cluster)
    {
        lock (gate)
        {
            unsaved = (operationId, cluster);
        }
    }

    /// <summary>Everything done is written.</summary>
    public void Saved()
    {
        lock (gate)
        {
            unsaved = null;
        }
    }

    public bool IsSuperseded
    {
        get { lock (gate) { return operation?.IsCancellationRequested == true; } }
    }

    public void EndOperation()
    {
        lock (gate)
        {
            operation?.Dispose();
            operation = null;
            operationId = null;
        }
    }

    public void Dispose()
    {
        leaseDeadline.Dispose();
        lock (gate)
        {
            operation?.Dispose();
        }
    }
}
