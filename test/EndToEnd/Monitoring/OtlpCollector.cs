using System.Collections.Concurrent;
using System.Net;

namespace Rp.EndToEnd.Tests.Monitoring;

/// <summary>
/// A minimal OTLP/HTTP collector for tests: accepts <c>POST /v1/traces</c> (protobuf, as
/// OpenTelemetry's exporter sends it) on a free loopback port and keeps every span it receives;
/// it answers every other signal with 200 and drops it.
/// </summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly Task loop;

    public OtlpCollector()
    {
        var port = RpProcess.FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The base URL to give the exporter (it appends <c>/v1/traces</c>).</summary>
    public string Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. spans];

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped under a pending request.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                foreach (var span in OtlpTraces.Parse(body.ToArray()))
                {
                    spans.Enqueue(span);
                }
            }

            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
