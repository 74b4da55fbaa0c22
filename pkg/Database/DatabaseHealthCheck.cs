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
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {e.GetType().Name}.");
        }
    }
}
