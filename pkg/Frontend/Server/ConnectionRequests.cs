using Microsoft.AspNetCore.Http;

namespace Rp.Frontend.Server;

/// <summary>
/// A connection feature: how many requests the application is serving on the connection. What
/// the server writes while it serves none is the server's own answer to a request that never
/// reached the application (one it could not parse or that broke a limit).
/// </summary>
internal sealed class ConnectionRequests
{
    private int active;

    public bool Active => Volatile.Read(ref active) > 0;

    /// <summary>
    /// Counts <paramref name="context"/>'s request until the server has written its whole response:
    /// the server runs OnCompleted callbacks after the response's last bytes.
    /// </summary>
    public static void Enter(HttpContext context)
    {
        if (context.Features.Get<ConnectionRequests>() is not { } requests)
        {
            return;
        }

        Interlocked.Increment(ref requests.active);
        context.Response.OnCompleted(
            static state =>
            {
                Interlocked.Decrement(ref ((ConnectionRequests)state).active);
                return Task.CompletedTask;
            },
            requests);
    }
}
