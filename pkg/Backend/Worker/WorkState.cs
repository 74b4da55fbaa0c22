namespace Rp.Backend.Worker;

/// <summary>
/// What a worker and its heartbeat share about one message: the current pop receipt, the operation
/// being driven, the means to stop that operation when the document moves on, and whether the
/// process is draining (then the work stops at its next checkpoint).
/// </summary>
internal sealed class WorkState(string popReceipt, CancellationToken draining = default)
{
    private readonly Lock gate = new();
    private string popReceipt = popReceipt;
    private string? operationId;
    private CancellationTokenSource? operation;

    /// <summary>Canceled when the process stops: the work ends at its next checkpoint and hands the document back.</summary>
    public CancellationToken Draining => draining;

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
}
