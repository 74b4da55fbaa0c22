using FluentAssertions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rp.Database.Tests;
using Rp.Frontend.Authentication;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>The readiness check on ARM's certificates, through <see cref="HealthCheckService"/> as the management listener asks it ("ready" tag).</summary>
public sealed class ArmCertificatesHealthCheckTests : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    private readonly TempDirectory directory = new();
    private readonly ManualTimeProvider clock = new(DateTimeOffset.UtcNow);

    public static TheoryData<string, TimeSpan?, TimeSpan, HealthStatus> MetadataCases => new()
    {
        { "never fetched", null, TimeSpan.Zero, HealthStatus.Unhealthy },
        { "fetched just now", TimeSpan.Zero, TimeSpan.Zero, HealthStatus.Healthy },
        { "fetched the maximum age ago", TimeSpan.Zero, MaxAge, HealthStatus.Healthy },
        { "fetched longer ago than the maximum age", TimeSpan.Zero, MaxAge + TimeSpan.FromSeconds(1), HealthStatus.Unhealthy },
        { "fetched, but the certificate has expired since", TimeSpan.Zero, TimeSpan.FromDays(31), HealthStatus.Unhealthy },
    };

    [Theory]
    [MemberData(nameof(MetadataCases))]
    public async Task CheckHealthAsync_WithMetadata_ReadyOnlyWhileTheSetIsFreshAndValid(string name, TimeSpan? fetchedAfter, TimeSpan checkedAfter, HealthStatus expected)
    {
        using var arm = TestCertificates.SelfSigned("arm.test");
        using var services = new ArmAuthenticationServices(clock, new Dictionary<string, string?>
        {
            ["ArmAuthentication:MetadataUrl"] = "https://arm.invalid/metadata/authentication?api-version=2015-01-01",
            ["ArmAuthentication:MaxMetadataAge"] = MaxAge.ToString(),
        });
        if (fetchedAfter is { } after)
        {
            clock.Advance(after);
            services.Certificates.Publish([PinnedCertificate.Of(arm)], clock.GetUtcNow());
        }

        clock.Advance(checkedAfter);
        var report = await services.Get<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        report.Entries.Keys.Should().Equal([ArmCertificatesHealthCheck.Name], name);
        report.Status.Should().Be(expected, name);
    }

    [Theory]
    [InlineData("while the pinned certificate is valid", 1, HealthStatus.Healthy)]
    [InlineData("once the pinned certificate has expired", 31, HealthStatus.Unhealthy)]
    public async Task CheckHealthAsync_PinnedCertificatesOnly_ReadyWhileOneIsValid(string name, int days, HealthStatus expected)
    {
        using var arm = TestCertificates.SelfSigned("arm.test");
        using var services = new ArmAuthenticationServices(clock, new Dictionary<string, string?>
        {
            ["ArmAuthentication:PinnedCertificates:0"] = TestCertificates.WritePem(Path.Combine(directory.Path, "arm.pem"), arm),
        });

        clock.Advance(TimeSpan.FromDays(days));
        var report = await services.Get<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        report.Status.Should().Be(expected, name);
        services.Certificates.Accepts(arm, clock.GetUtcNow()).Should().Be(expected == HealthStatus.Healthy, name);
    }

    public void Dispose() => directory.Dispose();
}
