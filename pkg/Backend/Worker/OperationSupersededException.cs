namespace Rp.Backend.Worker;

/// <summary>The document moved on to another operation (a DELETE during a create) while a worker drove the old one.</summary>
internal sealed class OperationSupersededException(string operationId)
    : Exception($"Operation {operationId} was superseded by a later request.")
{
}
