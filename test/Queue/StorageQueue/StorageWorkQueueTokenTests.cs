using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using FluentAssertions;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

/// <summary>The token-authorized queue, on a transport that records requests: Azurite takes tokens only over TLS.</summary>
public sealed class StorageWorkQueueTokenTests
{
    [Fact]
    public async Task PutAsync_TokenCredential_SendsBearerTokenForStorageScopeAndNeverExpiringMessage()
    {
        var credential = new RecordingCredential();
        var handler = new RecordingHandler(HttpStatusCode.Created);
        var options = new StorageQueueClientOptions { Transport = new HttpClientTransport(handler) };
        var queue = new StorageWorkQueue(new Uri("https://acct.queue.core.windows.net/"), "work", credential, new FixedClock(), options);

        await queue.PutAsync("body");

        var request = handler.Requests.Should().ContainSingle().Subject;
        credential.Scopes.Should().Equal("https://storage.azure.com/.default");
        request.Method.Should().Be("POST");
        request.Uri.Should().Be("https://acct.queue.core.windows.net/work/messages?messagettl=-1");
        request.Headers["Authorization"].Should().Be("Bearer token-1");
        request.Headers["x-ms-date"].Should().Be("Tue, 01 Jul 2025 12:00:00 GMT");
        request.Headers["x-ms-version"].Should().Be("2021-12-02");
        request.Body.Should().Be("<QueueMessage><MessageText>Ym9keQ==</MessageText></QueueMessage>");
    }

    private sealed record RecordedRequest(string Method, string Uri, Dictionary<string, string> Headers, string Body);

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.ToString(), headers, body));
            return new HttpResponseMessage(status);
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

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);
    }
}
