namespace Rp.Queue;

/// <summary>The pop receipt is stale or the message is gone: another consumer may have it now.</summary>
public sealed class MessageLostException : Exception
{
    public MessageLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
