using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Rp.Queue.StorageQueue;

/// <summary>Stamps each attempt with <c>x-ms-date</c>: the service rejects requests signed too long ago, so a retry needs a fresh one.</summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
}
