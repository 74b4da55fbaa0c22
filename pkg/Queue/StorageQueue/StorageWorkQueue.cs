using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Rp.Queue.StorageQueue;

/// <summary>
/// <see cref="IWorkQueue"/> on an Azure Storage queue, spoken to over its REST API on Azure.Core's
/// pipeline (retries, logging, authentication policies): the Azure.Storage.Queues package is not
/// available to this project. Message bodies travel base64-encoded, as the Azure SDKs write them.
/// </summary>
public sealed class StorageWorkQueue : IWorkQueue
{
    /// <summary>The REST API version spoken: it has never-expiring messages (<c>messagettl=-1</c>).</summary>
    internal const string ServiceVersion = "2021-12-02";

    private const string StorageScope = "https://storage.azure.com/.default";
    private const int MaxVisibilityTimeoutSeconds = 7 * 24 * 60 * 60;

    // The most messages the service lets a client peek at in one call.
    private const int MaxPeekedMessages = 32;

    private readonly Uri queueUri;
    private readonly HttpPipeline pipeline;

    /// <summary>A queue of the account in <paramref name="connectionString"/>, authorized with its account key.</summary>
    public StorageWorkQueue(string connectionString, string queueName, TimeProvider? timeProvider = null)
        : this(StorageConnectionString.Parse(connectionString), queueName, timeProvider ?? TimeProvider.System)
    {
    }

    /// <summary>A queue at <paramref name="queueServiceUri"/>, authorized with a token of <paramref name="credential"/> (for example a managed identity).</summary>
    public StorageWorkQueue(Uri queueServiceUri, string queueName, TokenCredential credential, TimeProvider? timeProvider = null)
        : this(queueServiceUri, queueName, credential, timeProvider ?? TimeProvider.System, new StorageQueueClientOptions())
    {
    }

    internal StorageWorkQueue(Uri queueServiceUri, string queueName, TokenCredential credential, TimeProvider timeProvider, ClientOptions clientOptions)
        : this(QueueUri(queueServiceUri, queueName), BuildPipeline(clientOptions, timeProvider, new BearerTokenAuthenticationPolicy(credential, StorageScope)))
    {
    }

    private StorageWorkQueue(StorageConnectionString connectionString, string queueName, TimeProvider timeProvider)
        : this(QueueUri(connectionString.QueueEndpoint, queueName), BuildPipeline(new StorageQueueClientOptions(), timeProvider, new StorageSharedKeyPolicy(connectionString.AccountName, connectionString.AccountKey)))
    {
    }

    private StorageWorkQueue(Uri queueUri, HttpPipeline pipeline)
    {
        this.queueUri = queueUri;
        this.pipeline = pipeline;
    }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, path: null);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        // 204: it exists with the same metadata; 409 QueueAlreadyExists: with other metadata. Either way it exists.
        if (message.Response.Status is not (201 or 204 or 409))
        {
            throw Failed(message.Response);
        }
    }

    public async Task PutAsync(string body, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "/messages");
        message.Request.Uri.AppendQuery("messagettl", "-1");
        var xml = new XElement("QueueMessage", new XElement("MessageText", Convert.ToBase64String(Encoding.UTF8.GetBytes(body))));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting)));
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status != 201)
        {
            throw Failed(message.Response);
        }
    }

    public async Task<QueueMessage?> GetAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, "/messages");
        message.Request.Uri.AppendQuery("numofmessages", "1");
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, minimum: 1));
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status != 200)
        {
            throw Failed(message.Response);
        }

        var list = await XDocument.LoadAsync(message.Response.ContentStream!, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        var element = list.Root?.Element("QueueMessage");
        if (element is null)
        {
            return null;
        }

        var text = Text(element, "MessageText");
        return new QueueMessage(
            Text(element, "MessageId"),
            Text(element, "PopReceipt"),
            DecodeBody(text),
            int.Parse(Text(element, "DequeueCount"), CultureInfo.InvariantCulture),
            Time(element, "TimeNextVisible"));
    }

    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, "/messages/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, minimum: 0));
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        ThrowIfLost(message.Response, messageId);
        if (message.Response.Status != 204 || !message.Response.Headers.TryGetValue("x-ms-popreceipt", out var newPopReceipt))
        {
            throw Failed(message.Response);
        }

        return newPopReceipt;
    }

    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, "/messages/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        ThrowIfLost(message.Response, messageId);
        if (message.Response.Status != 204)
        {
            throw Failed(message.Response);
        }
    }

    /// <summary>
    /// The depth is the service's approximate message count; the oldest message and those past the
    /// dequeue limit come from the first visible messages, as many as one peek returns.
    /// </summary>
    public async Task<QueueStatus> GetStatusAsync(int maxDequeueCount, CancellationToken cancellationToken = default)
    {
        using var properties = CreateMessage(RequestMethod.Get, path: null);
        properties.Request.Uri.AppendQuery("comp", "metadata");
        await pipeline.SendAsync(properties, cancellationToken).ConfigureAwait(false);
        if (properties.Response.Status != 200 || !properties.Response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count))
        {
            throw Failed(properties.Response);
        }

        using var peek = CreateMessage(RequestMethod.Get, "/messages");
        peek.Request.Uri.AppendQuery("peekonly", "true");
        peek.Request.Uri.AppendQuery("numofmessages", MaxPeekedMessages.ToString(CultureInfo.InvariantCulture));
        await pipeline.SendAsync(peek, cancellationToken).ConfigureAwait(false);
        if (peek.Response.Status != 200)
        {
            throw Failed(peek.Response);
        }

        var list = await XDocument.LoadAsync(peek.Response.ContentStream!, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        var messages = list.Root?.Elements("QueueMessage")
            .Select(m => (InsertedOn: Time(m, "InsertionTime"), DequeueCount: int.Parse(Text(m, "DequeueCount"), CultureInfo.InvariantCulture)))
            .ToList() ?? [];
        return new QueueStatus(
            long.Parse(count, CultureInfo.InvariantCulture),
            messages.Count == 0 ? null : messages.Min(m => m.InsertedOn),
            messages.Count(m => m.DequeueCount >= maxDequeueCount),
            messages.Count);
    }

    /// <summary>The queue named by the options, authorized by the connection string if there is one, else by <paramref name="credential"/>.</summary>
    internal static StorageWorkQueue Create(StorageQueueOptions options, string queueName, Func<TokenCredential> credential, TimeProvider timeProvider)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new StorageWorkQueue(options.ConnectionString, queueName, timeProvider);
        }

        if (options.QueueServiceUri is null)
        {
            throw new InvalidOperationException($"Neither {StorageQueueOptions.SectionName}:{nameof(StorageQueueOptions.ConnectionString)} nor {StorageQueueOptions.SectionName}:{nameof(StorageQueueOptions.QueueServiceUri)} is configured.");
        }

        return new StorageWorkQueue(options.QueueServiceUri, queueName, credential(), timeProvider);
    }

    private static HttpPipeline BuildPipeline(ClientOptions clientOptions, TimeProvider timeProvider, HttpPipelinePolicy authentication) =>
        HttpPipelineBuilder.Build(clientOptions, [], [new StorageDatePolicy(timeProvider), authentication], new ResponseClassifier());

    private static Uri QueueUri(Uri queueServiceUri, string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        return new Uri(queueServiceUri.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(queueName));
    }

    private static string Seconds(TimeSpan timeout, int minimum) =>
        Math.Clamp((long)Math.Ceiling(timeout.TotalSeconds), minimum, MaxVisibilityTimeoutSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The queue service's message has no {name}.");

    private static DateTimeOffset Time(XElement message, string name) =>
        DateTimeOffset.Parse(Text(message, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string DecodeBody(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : text; // put by a client that does not encode (the portal, say): the text is the body
    }

    private static void ThrowIfLost(Response response, string messageId)
    {
        var code = response.Headers.TryGetValue("x-ms-error-code", out var value) ? value : null;
        if ((response.Status == 404 && code == "MessageNotFound") || (response.Status == 400 && code == "PopReceiptMismatch"))
        {
            throw new MessageLostException($"Queue message {messageId} is gone or was taken by another consumer ({code}).", Failed(response));
        }
    }

    private static RequestFailedException Failed(Response response) => new(response, null, StorageErrorParser.Instance);

    private HttpMessage CreateMessage(RequestMethod method, string? path)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(queueUri);
        if (path is not null)
        {
            request.Uri.AppendPath(path, escape: false);
        }

        request.Headers.SetValue("x-ms-version", ServiceVersion);
        return message;
    }
}
