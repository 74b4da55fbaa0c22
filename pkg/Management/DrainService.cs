using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Env;

namespace Rp.Management;

/// <summary>
/// The first step of an orderly stop: from the signal on (or from the host's stop, whichever
/// comes first) the process reports not ready (see <see cref="DrainHealthCheck"/>); one that
/// serves ARM requests then keeps serving them for <see cref="DrainOptions.Delay"/>, before any
/// service stops, so that load balancers have stopped sending it requests by the time it stops
/// listening.
/// </summary>
internal sealed partial class DrainService(
    bool servesArm,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    IOptions<DrainOptions> options,
    ILogger<DrainService> logger) : IHostedLifecycleService
{
    private volatile bool draining;

    public bool IsDraining => draining;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // SIGTERM and Ctrl-C stop the application before the host stops its services.
        lifetime.ApplicationStopping.Register(() => draining = true);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        var delay = servesArm ? options.Value.Delay : TimeSpan.Zero;
        LogDraining(logger, delay, options.Value.GracePeriod);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The grace period ran out first.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Draining: not ready; still serving for {Delay}; stopping within {GracePeriod}")]
    private static partial void LogDraining(ILogger logger, TimeSpan delay, TimeSpan gracePeriod);
}
