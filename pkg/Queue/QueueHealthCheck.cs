using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rp.Queue;

/// <summary>Ready while the queue answers; its backlog is in the check's data.</summary>
internal sealed class QueueHealthCheck(IWorkQueue queue) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = await queue.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The queue answers.", new Dictionary<string, object>
            {
                ["depth"] = statistics.Depth,
                ["oldestMessageAgeSeconds"] = statistics.OldestMessageAge?.TotalSeconds ?? 0,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The queue does not answer: {e.GetType().Name}.");
        }
    }
}
