using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rp.Management;

/// <summary>Not ready from the moment the process is told to stop, so load balancers and rollouts stop counting on it.</summary>
internal sealed class DrainHealthCheck(DrainService drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("Draining: the process is stopping.")
            : HealthCheckResult.Healthy("Running."));
}
