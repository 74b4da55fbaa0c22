using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Rp.Frontend.Authentication;

/// <summary>
/// Readiness of the ARM listener: some certificate ARM may call with is valid now and, with a
/// metadata endpoint, the published set is not older than <see cref="ArmAuthenticationOptions.MaxMetadataAge"/>.
/// A frontend that cannot know ARM's current certificates should get no traffic.
/// </summary>
internal sealed class ArmCertificatesHealthCheck(ArmCertificates certificates, TimeProvider time, IOptions<ArmAuthenticationOptions> options) : IHealthCheck
{
    public const string Name = "arm-certificates";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (settings.MetadataUrl is not null)
        {
            if (certificates.RefreshedAt is not { } refreshedAt)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("ARM's metadata has not been fetched yet."));
            }

            if (now - refreshedAt > settings.MaxMetadataAge)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"ARM's metadata was last fetched at {refreshedAt:O}, more than {settings.MaxMetadataAge} ago."));
            }
        }

        return Task.FromResult(certificates.HasValid(now)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("No certificate ARM may call with is valid now."));
    }
}
