using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>
/// ARM's published certificates changing under a running frontend, over real TLS: a rotation
/// takes effect at the next refresh; an outage keeps the last good set in use and, after the
/// maximum age, takes the frontend out of readiness until the metadata is back.
/// </summary>
public sealed class ArmMetadataRotationTests
{
    private const string ArmRoute = "/providers/RedHat.OpenShift/operations?api-version=2020-04-30";

    [Fact]
    public async Task Refresh_MetadataRotatesToANewCertificate_OldRefusedNewAccepted()
    {
        using var old = TestCertificates.SelfSigned("arm-2025.test");
        using var next = TestCertificates.SelfSigned("arm-2026.test");
        await using var metadata = await FakeArmMetadata.StartAsync(old);
        await using var rp = new TlsRpFactory(metadata.Url, maxMetadataAge: TimeSpan.FromHours(24));
        await rp.WaitUntilReadyAsync();
        (await StatusAsync(rp, old)).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(rp, next)).Should().Be(HttpStatusCode.Forbidden);

        metadata.Publish(next);

        await Eventually.UntilAsync(() => StatusAsync(rp, old), s => s == HttpStatusCode.Forbidden, "the old certificate to be refused after a refresh");
        (await StatusAsync(rp, next)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_MetadataOutage_LastSetStillAcceptedButNotReadyAfterTheMaximumAge()
    {
        using var arm = TestCertificates.SelfSigned("arm.test");
        await using var metadata = await FakeArmMetadata.StartAsync(arm);
        await using var rp = new TlsRpFactory(metadata.Url, maxMetadataAge: TimeSpan.FromSeconds(2));
        await rp.WaitUntilReadyAsync();
        var health = rp.Services.GetRequiredService<HealthCheckService>();

        metadata.Fail(HttpStatusCode.ServiceUnavailable);
        var failedFrom = metadata.Requests;
        await Eventually.UntilAsync(() => Task.FromResult(metadata.Requests), n => n >= failedFrom + 8, "two refreshes to fail, retries included");
        var duringOutage = await StatusAsync(rp, arm);
        var notReady = await Eventually.UntilAsync(() => health.CheckHealthAsync(r => r.Name == Rp.Frontend.Authentication.ArmCertificatesHealthCheck.Name), r => r.Status == HealthStatus.Unhealthy, "readiness to fail after the maximum age");
        var afterTheLimit = await StatusAsync(rp, arm);

        duringOutage.Should().Be(HttpStatusCode.OK, "the last good set is still in use");
        notReady.Entries[Rp.Frontend.Authentication.ArmCertificatesHealthCheck.Name].Description.Should().Contain("last fetched");
        afterTheLimit.Should().Be(HttpStatusCode.OK, "only readiness reports the outage: the last good set stays in use");

        metadata.Publish(arm);
        await Eventually.UntilAsync(() => health.CheckHealthAsync(r => r.Name == Rp.Frontend.Authentication.ArmCertificatesHealthCheck.Name), r => r.Status == HealthStatus.Healthy, "readiness to come back with the metadata");
    }

    private static async Task<HttpStatusCode> StatusAsync(TlsRpFactory rp, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        using var client = rp.CreateTlsClient(certificate);
        using var response = await client.GetAsync(ArmRoute);
        return response.StatusCode;
    }
}
