using Azure.Core;
using Azure.Core.Pipeline;

namespace Rp.EndToEnd.Tests.ArmClient;

/// <summary>Every request the client sent and what came back, so tests can see how it polled and paged.</summary>
internal sealed class RequestLog : HttpPipelinePolicy
{
    private readonly Lock gate = new();
    private readonly List<Entry> entries = [];

    public IReadOnlyList<Entry> Entries
    {
        get { lock (gate) { return [.. entries]; } }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        var response = message.Response;
        var entry = new Entry(
            message.Request.Method.Method,
            message.Request.Uri.ToUri(),
            response.Status,
            response.Headers.TryGetValue("Azure-AsyncOperation", out var asyncOperation) ? asyncOperation : null,
            response.Headers.TryGetValue("Location", out var location) ? location : null);
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    internal sealed record Entry(string Method, Uri Uri, int Status, string? AzureAsyncOperation, string? Location);
}
