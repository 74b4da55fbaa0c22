using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rp.Database;

/// <summary>
/// Ready while the database answers: a point read of the forwarder's lease document, the cheapest
/// request every store serves (a missing document is an answer too).
/// </summary>
internal sealed class DatabaseHealthCheck(ILeases leases) : IHealthCheck
{
    private const string ProbeId = "forwarder";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await leases.GetAsync(ProbeId, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The check's timeout: answered here, so that a store that hangs is one line in the log, not a stack trace per probe.
            return HealthCheckResult.Unhealthy("The database did not answer in time.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {e.GetType().Name}.");
        }
    }
}
