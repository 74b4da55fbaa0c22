using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Rp.Queue;

/// <summary>Ready while the queue answers; its backlog is in the check's data.</summary>
internal sealed class QueueHealthCheck(IWorkQueue queue, TimeProvider time, IOptions<DequeueLimitOptions> limit) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await queue.GetStatusAsync(limit.Value.MaxDequeueCount, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The queue answers.", new Dictionary<string, object>
            {
                ["depth"] = status.Depth,
                ["oldestMessageAgeSeconds"] = QueueMonitor.AgeOfOldest(status, time).TotalSeconds,
                ["pastDequeueLimit"] = status.PastDequeueLimit,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The check's timeout: answered here, so that a store that hangs is one line in the log, not a stack trace per probe.
            return HealthCheckResult.Unhealthy("The queue did not answer in time.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"The queue does not answer: {e.GetType().Name}.");
        }
    }
}
