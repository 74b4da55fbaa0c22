namespace Rp.Database;

/// <summary>A conditional write lost: the document changed (or went away) since it was read.</summary>
public sealed class PreconditionFailedException : DatabaseException
{
    public PreconditionFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
