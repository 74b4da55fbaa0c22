using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Rp.Backend.Worker;

/// <summary>Ready while the worker loops run and not every worker has been stuck on one message for <see cref="BackendOptions.StuckAfter"/>.</summary>
internal sealed class BackendHealthCheck(BackendWorkers workers, TimeProvider time, IOptions<BackendOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (running, count, busy, stuck) = workers.Snapshot(time.GetUtcNow() - options.Value.StuckAfter);
        var data = new Dictionary<string, object> { ["workers"] = count, ["busy"] = busy, ["stuck"] = stuck };
        var result = !running
            ? HealthCheckResult.Unhealthy("The worker loops are not running.", data: data)
            : count > 0 && stuck == count
                ? HealthCheckResult.Unhealthy($"Every worker has held its message for more than {options.Value.StuckAfter}.", data: data)
                : HealthCheckResult.Healthy($"{busy} of {count} workers busy.", data);
        return Task.FromResult(result);
    }
}
