namespace Rp.Backend.Worker;

/// <summary>
/// What a worker and its heartbeat share about one message: the current pop receipt, the operation
/// being driven, and the means to stop that operation when the document moves on.
/// </summary>
internal sealed class WorkState(string popReceipt)
{
    private readonly Lock gate = new();
    private string popReceipt = popReceipt;
    private string? operationId;
    private CancellationTokenSource? operation;

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
