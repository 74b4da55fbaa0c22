using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rp.Queue.StorageQueue;

/// <summary>
/// <see cref="IWorkQueue"/> on an Azure Storage queue through Azure.Storage.Queues' <see cref="QueueClient"/>
/// (its account-key and token authentication, retries and diagnostics). Bodies travel as base64 of
/// their UTF-8 bytes (<see cref="QueueMessageEncoding.Base64"/>), which is what every version of
/// this RP has written: messages put by a process of the previous version are read by this one and
/// the other way round, so a rolling upgrade with messages in flight loses none.
/// </summary>
public sealed partial class StorageWorkQueue : IWorkQueue
{
    private const int MaxVisibilityTimeoutSeconds = 7 * 24 * 60 * 60;

    // The most messages the service lets a client peek at in one call.
    private const int MaxPeekedMessages = 32;

    /// <summary>The service's time-to-live for a message that never expires.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient client;
    private readonly ILogger logger;

    /// <summary>A queue of the account in <paramref name="connectionString"/>, authorized with its account key.</summary>
    public StorageWorkQueue(string connectionString, string queueName, ILogger<StorageWorkQueue>? logger = null)
        : this(options => new QueueClient(connectionString, QueueName(queueName), options), new QueueClientOptions(), logger)
    {
    }

    /// <summary>A queue at <paramref name="queueServiceUri"/>, authorized with a token of <paramref name="credential"/> (for example a managed identity).</summary>
    public StorageWorkQueue(Uri queueServiceUri, string queueName, TokenCredential credential, ILogger<StorageWorkQueue>? logger = null)
        : this(queueServiceUri, queueName, credential, new QueueClientOptions(), logger)
    {
    }

    /// <param name="options">The SDK's settings (retries, diagnostics, transport); the message encoding is set here.</param>
    internal StorageWorkQueue(Uri queueServiceUri, string queueName, TokenCredential credential, QueueClientOptions options, ILogger? logger)
        : this(o => new QueueClient(new QueueUriBuilder(queueServiceUri) { QueueName = QueueName(queueName) }.ToUri(), credential, o), options, logger)
    {
    }

    private StorageWorkQueue(Func<QueueClientOptions, QueueClient> createClient, QueueClientOptions options, ILogger? logger)
    {
        this.logger = logger ?? NullLogger.Instance;
        options.MessageEncoding = QueueMessageEncoding.Base64;
        options.MessageDecodingFailed += DropUndecodableAsync;
        client = createClient(options);
    }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task PutAsync(string body, CancellationToken cancellationToken = default) =>
        await client.SendMessageAsync(body, visibilityTimeout: null, timeToLive: NeverExpires, cancellationToken).ConfigureAwait(false);

    public async Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var response = await client.ReceiveMessageAsync(Seconds(visibilityTimeout, minimum: 1), cancellationToken).ConfigureAwait(false);
        if (response.Value is not { } message)
        {
            return null;
        }

        return new QueueMessage(
            message.MessageId,
            message.PopReceipt,
            message.Body.ToString(),
            checked((int)message.DequeueCount),
            message.NextVisibleOn ?? throw new InvalidOperationException($"The queue service's message {message.MessageId} has no TimeNextVisible."));
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        try
        {
            // No message text: the service keeps the body and only moves the visibility.
            var receipt = await client.UpdateMessageAsync(messageId, popReceipt, messageText: null, Seconds(visibilityTimeout, minimum: 0), cancellationToken).ConfigureAwait(false);
            return receipt.Value.PopReceipt;
        }
        catch (RequestFailedException e) when (IsLost(e))
        {
            throw Lost(messageId, e);
        }
    }

    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (IsLost(e))
        {
            throw Lost(messageId, e);
        }
    }

    /// <summary>
    /// The depth is the service's approximate message count; the oldest message and those past the
    /// dequeue limit come from the first visible messages, as many as one peek returns.
    /// </summary>
    public async Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default)
    {
        var properties = await client.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        var peeked = await client.PeekMessagesAsync(MaxPeekedMessages, cancellationToken).ConfigureAwait(false);
        var messages = peeked.Value;
        return new QueueStatus(
            properties.Value.ApproximateMessagesCount,
            messages.Length == 0 ? null : messages.Min(m => m.InsertedOn),
            messages.Count(m => m.DequeueCount >= maxDequeueCount),
            messages.Length);
    }

    /// <summary>The queue named by the options, authorized by the connection string if there is one, else by <paramref name="credential"/>.</summary>
    internal static StorageWorkQueue Create(StorageQueueOptions options, string queueName, Func<TokenCredential> credential, ILogger<StorageWorkQueue>? logger)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new StorageWorkQueue(options.ConnectionString, queueName, logger);
        }

        if (options.QueueServiceUri is null)
        {
            throw new InvalidOperationException($"Neither {StorageQueueOptions.SectionName}:{nameof(StorageQueueOptions.ConnectionString)} nor {StorageQueueOptions.SectionName}:{nameof(StorageQueueOptions.QueueServiceUri)} is configured.");
        }

        return new StorageWorkQueue(options.QueueServiceUri, queueName, credential(), logger);
    }

    private static string QueueName(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        return queueName;
    }

    /// <summary>The service counts whole seconds: rounding up keeps "at least this long".</summary>
    private static TimeSpan Seconds(TimeSpan timeout, int minimum) =>
        TimeSpan.FromSeconds(Math.Clamp((long)Math.Ceiling(timeout.TotalSeconds), minimum, MaxVisibilityTimeoutSeconds));

    /// <summary>The receipt is stale (the message was taken again) or the message is gone: by the service's error code, which is its contract.</summary>
    private static bool IsLost(RequestFailedException e) =>
        e.ErrorCode == QueueErrorCode.MessageNotFound || e.ErrorCode == QueueErrorCode.PopReceiptMismatch;

    private static MessageLostException Lost(string messageId, RequestFailedException e) =>
        new($"Queue message {messageId} is gone or was taken by another consumer ({e.ErrorCode}).", e);

    /// <summary>
    /// A body that is not base64 was not put by this RP (every version encodes it), so no worker
    /// could read it as work; left in the queue it would come back after every visibility
    /// timeout, forever. The SDK has already left it out of what <see cref="GetAsync"/> returns.
    /// </summary>
    private async Task DropUndecodableAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        LogUndecodable(logger, message.MessageId, message.DequeueCount);
        try
        {
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (IsLost(e))
        {
            // Taken again meanwhile: its new taker drops it.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} (delivery {DequeueCount}) is not base64, so not a work item this RP wrote; deleted")]
    private static partial void LogUndecodable(ILogger logger, string messageId, long dequeueCount);
}
