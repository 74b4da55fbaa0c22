using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using FluentAssertions;
using Rp.Queue.StorageQueue;
using Xunit;

namespace Rp.Queue.Tests.StorageQueue;

public sealed class StorageSharedKeyPolicyTests
{
    // The string to sign written out by hand from "Authorize with Shared Key" (Storage REST API),
    // and its signature computed apart from this code (openssl dgst -sha256 -mac HMAC).
    private const string ExpectedStringToSign =
        "PUT\n" + "\n" + "\n" + "64\n" + "\n" + "application/xml\n" + "\n" + "\n" + "\n" + "\n" + "\n" + "\n"
        + "x-ms-client-request-id:0e6c5b1e-5a43-4d5e-9b77-1b2f1f0a9c11\n"
        + "x-ms-date:Tue, 01 Jul 2025 12:00:00 GMT\n"
        + "x-ms-version:2021-12-02\n"
        + "/myaccount/myqueue/messages/7c3a1b9e-0000-4000-8000-000000000001\n"
        + "popreceipt:AgAAAAMAAAAAAAAA+b/=\n"
        + "visibilitytimeout:30";

    private const string ExpectedAuthorization = "SharedKey myaccount:jznV2+iruMRxMxfivDP1oLay7LUDofHIYrRvOa1ZCFs=";

    private static readonly byte[] Key = Encoding.ASCII.GetBytes("an example account key, not a real one");

    [Fact]
    public void OnSendingRequest_KnownRequest_SignsLikeTheSpecification()
    {
        using var message = KnownRequest();

        new StorageSharedKeyPolicy("myaccount", Key).OnSendingRequest(message);

        StorageSharedKeyPolicy.StringToSign(message.Request, "myaccount").Should().Be(ExpectedStringToSign);
        message.Request.Headers.TryGetValue("Authorization", out var authorization).Should().BeTrue();
        authorization.Should().Be(ExpectedAuthorization);
    }

    [Fact]
    public void StringToSign_EmptyBody_SignsEmptyContentLength()
    {
        using var message = KnownRequest();
        message.Request.Method = RequestMethod.Delete;
        message.Request.Content = null;
        message.Request.Headers.Remove("Content-Type");

        var lines = StorageSharedKeyPolicy.StringToSign(message.Request, "myaccount").Split('\n');

        lines[0].Should().Be("DELETE");
        lines[3].Should().BeEmpty();
        lines[5].Should().BeEmpty();
    }

    private static HttpMessage KnownRequest()
    {
        var message = HttpPipelineBuilder.Build(new StorageQueueClientOptions()).CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Put;
        request.Uri.Reset(new Uri("https://myaccount.queue.core.windows.net/myqueue"));
        request.Uri.AppendPath("/messages/7c3a1b9e-0000-4000-8000-000000000001", escape: false);
        request.Uri.AppendQuery("visibilitytimeout", "30");
        request.Uri.AppendQuery("popreceipt", "AgAAAAMAAAAAAAAA+b/=");
        request.Headers.SetValue("x-ms-version", "2021-12-02");
        request.Headers.SetValue("x-ms-date", "Tue, 01 Jul 2025 12:00:00 GMT");
        request.Headers.SetValue("X-Ms-Client-Request-Id", "0e6c5b1e-5a43-4d5e-9b77-1b2f1f0a9c11");
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("<QueueMessage><MessageText>d29yaw==</MessageText></QueueMessage>"));
        return message;
    }
}
