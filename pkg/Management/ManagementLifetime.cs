using Microsoft.Extensions.Hosting;

namespace Rp.Management;

/// <summary>
/// The management listener's host lifetime: none of its own. The process's lifetime handles
/// SIGTERM and Ctrl-C; the listener stops when the process's host stops it, last, so that it
/// reports the drain rather than vanishing at the signal.
/// </summary>
internal sealed class ManagementLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
