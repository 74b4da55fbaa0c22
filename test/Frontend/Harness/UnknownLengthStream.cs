namespace Rp.Frontend.Tests.Harness;

/// <summary>A readable stream that does not tell its length, so a request carrying it has no Content-Length.</summary>
public sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }
}
