using System.Buffers;
using System.IO.Pipelines;

namespace Rp.Frontend.Server;

/// <summary>
/// A connection's output. While the application serves a request, bytes pass straight through;
/// otherwise they are held until flushed, and a bodiless error the server wrote on its own is
/// given its CloudError body (<see cref="ServerErrorBodies"/>) before it goes out.
/// </summary>
internal sealed class ServerErrorPipeWriter(PipeWriter inner, ConnectionRequests requests, ServerErrorBodies bodies) : PipeWriter
{
    private ArrayBufferWriter<byte>? held;
    private bool holding;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        holding = held is not null || !requests.Active;
        if (!holding)
        {
            return inner.GetMemory(sizeHint);
        }

        held ??= new ArrayBufferWriter<byte>();
        return held.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        if (holding)
        {
            held!.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Release();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        return inner.CompleteAsync(exception);
    }

    private void Release()
    {
        if (held is null)
        {
            return;
        }

        var written = held.WrittenSpan;
        inner.Write(bodies.Rewrite(written) ?? written);
        held = null;
        holding = false;
    }
}
