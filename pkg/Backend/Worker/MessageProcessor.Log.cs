using Microsoft.Extensions.Logging;

namespace Rp.Backend.Worker;

/// <summary>The processor's log lines.</summary>
internal sealed partial class MessageProcessor
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped malformed message {MessageId}")]
    private static partial void LogMalformed(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key} is already {State}; dropping the message")]
    private static partial void LogSettled(ILogger logger, string key, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key} is leased by another live worker, or its document is gone; dropping the message")]
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
