namespace Rp.Database;

public abstract class DatabaseException : Exception
{
    protected DatabaseException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
