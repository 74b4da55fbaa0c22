namespace Rp.Database;

/// <summary>The one read-modify-write retry: run the action again while a conditional write loses.</summary>
public static class Retry
{
    public const int DefaultMaxAttempts = 50;

    public static async Task<T> OnPreconditionFailedAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default, int maxAttempts = DefaultMaxAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (PreconditionFailedException) when (attempt < maxAttempts)
            {
                // Someone else wrote in between: read again and re-apply.
            }
        }
    }
}
