namespace Rp.Database;

/// <summary>A create collided with an existing id or unique key.</summary>
public sealed class ConflictException : DatabaseException
{
    public ConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
