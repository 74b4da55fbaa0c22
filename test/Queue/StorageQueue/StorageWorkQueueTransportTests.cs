using System.Net;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using FluentAssertions;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

/// <summary>
/// The queue on a transport that records requests and answers as told: Azurite takes tokens only
/// over TLS, and cannot be made to answer an arbitrary error.
/// </summary>
public sealed class StorageWorkQueueTransportTests
{
    private const string SentMessage =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>m1</MessageId>"
        + "<InsertionTime>Tue, 01 Jul 2025 12:00:00 GMT</InsertionTime><ExpirationTime>Fri, 31 Dec 9999 23:59:59 GMT</ExpirationTime>"
        + "<PopReceipt>r1</PopReceipt><TimeNextVisible>Tue, 01 Jul 2025 12:00:00 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>";

    public static TheoryData<string, HttpStatusCode, string, bool> ReceiptErrors => new()
    {
        { "stale receipt", HttpStatusCode.BadRequest, "PopReceiptMismatch", true },
        { "message gone", HttpStatusCode.NotFound, "MessageNotFound", true },
        { "queue gone", HttpStatusCode.NotFound, "QueueNotFound", false },
        { "bad request of another kind", HttpStatusCode.BadRequest, "InvalidQueryParameterValue", false },
    };

    [Fact]
    public async Task PutAsync_TokenCredential_SendsBearerTokenForStorageScopeAndNeverExpiringBase64Message()
    {
        var credential = new RecordingCredential();
        var handler = new RecordingHandler(HttpStatusCode.Created, errorCode: null, SentMessage);
        var queue = new StorageWorkQueue(new Uri("https://acct.queue.core.windows.net/"), "work", credential, Options(handler), logger: null);

        await queue.PutAsync("body");

        var request = handler.Requests.Should().ContainSingle().Subject;
        credential.Scopes.Should().Equal("https://storage.azure.com/.default");
        request.Method.Should().Be("POST");
        request.Uri.Should().Be("https://acct.queue.core.windows.net/work/messages?messagettl=-1");
        request.Headers["Authorization"].Should().Be("Bearer token-1");
        request.Body.Should().Contain("<QueueMessage><MessageText>Ym9keQ==</MessageText></QueueMessage>");
    }

    /// <summary>The service's error code decides, never the error's text.</summary>
    [Theory]
    [MemberData(nameof(ReceiptErrors))]
    public async Task ReceiptCall_ServiceError_IsMessageLostOnlyForItsErrorCodes(string name, HttpStatusCode status, string errorCode, bool lost)
    {
        var queue = new StorageWorkQueue(new Uri("https://acct.queue.core.windows.net/"), "work", new RecordingCredential(), Options(new RecordingHandler(status, errorCode, MisleadingError(errorCode, lost))), logger: null);
        Func<Task>[] calls =
        [
            () => queue.UpdateVisibilityAsync("m1", "r1", TimeSpan.FromSeconds(30)),
            () => queue.DeleteAsync("m1", "r1"),
        ];

        foreach (var call in calls)
        {
            var thrown = await call.Should().ThrowAsync<Exception>(name);
            if (lost)
            {
                thrown.Which.Should().BeOfType<MessageLostException>(name).Which.InnerException.Should().BeOfType<RequestFailedException>().Which.ErrorCode.Should().Be(errorCode);
            }
            else
            {
                thrown.Which.Should().BeOfType<RequestFailedException>(name).Which.ErrorCode.Should().Be(errorCode);
            }
        }
    }

    /// <summary>An error whose text misleads: it says the opposite of what its code means.</summary>
    private static string MisleadingError(string errorCode, bool lost) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{errorCode}</Code><Message>{(lost ? "Everything is fine." : "The specified message does not exist. The pop receipt did not match.")}</Message></Error>";

    private static QueueClientOptions Options(RecordingHandler handler) => new()
    {
        Transport = new HttpClientTransport(handler),
        Retry = { MaxRetries = 0 },
    };

    private sealed record RecordedRequest(string Method, string Uri, Dictionary<string, string> Headers, string Body);

    private sealed class RecordingHandler(HttpStatusCode status, string? errorCode, string body) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var sent = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.ToString(), headers, sent));
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
            if (errorCode is not null)
            {
                response.Headers.Add("x-ms-error-code", errorCode);
            }

            return response;
        }
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
