namespace Rp.Database;

/// <summary>A worker's fenced write found that it no longer holds the document's lease.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException(string message)
        : base(message)
    {
    }
}
