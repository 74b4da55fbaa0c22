using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Rp.Queue.Forwarder;

/// <summary>
/// Ready while the forwarder leads, or stands by, with a view of the leader lease younger than the
/// lease itself: a standby that can no longer read the lease could not take over.
/// </summary>
internal sealed class ForwarderHealthCheck(ForwarderStatus status, TimeProvider time, IOptions<ForwarderOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (leading, viewedAt, stopped) = status.Snapshot();
        var age = viewedAt is { } at ? time.GetUtcNow() - at : (TimeSpan?)null;
        var data = new Dictionary<string, object> { ["leading"] = leading, ["leaseViewAgeSeconds"] = age?.TotalSeconds ?? -1 };
        var result = stopped
            ? HealthCheckResult.Unhealthy("The forwarder has stopped.", data: data)
            : age is null || age > options.Value.LeaseDuration
                ? HealthCheckResult.Unhealthy("The forwarder has no fresh view of the leader lease.", data: data)
                : HealthCheckResult.Healthy(leading ? "Leading." : "Standing by.", data);
        return Task.FromResult(result);
    }
}
