using System.Net;
using FluentAssertions;
using Rp.Database.Tests;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>One refresh of ARM's published certificates against a fake metadata endpoint, on the real HTTP client with its retries.</summary>
public sealed class ArmMetadataRefresherTests : IAsyncLifetime
{
    private readonly ManualTimeProvider clock = new(DateTimeOffset.UtcNow);
    private FakeArmMetadata metadata = null!;

    public static TheoryData<string, Action<FakeArmMetadata>, int> FailedRefreshes => new()
    {
        { "server error, retried", m => m.Fail(HttpStatusCode.ServiceUnavailable), 4 },
        { "not found, not retried", m => m.Fail(HttpStatusCode.NotFound), 1 },
        { "a redirect, not followed", m => m.Redirect(), 1 },
        { "not JSON", m => m.Serve("text/html", "<html></html>"), 1 },
        { "malformed JSON", m => m.Serve("application/json", """{"clientCertificates":["""), 1 },
        { "no certificate", m => m.Serve("application/json", """{"clientCertificates":[]}"""), 1 },
        { "a certificate that is not base64", m => m.Serve("application/json", $$"""{"clientCertificates":[{"notBefore":"{{Past(2)}}","notAfter":"{{Future()}}","certificate":"%%%"}]}"""), 1 },
        { "only expired certificates", m => m.Serve("application/json", $$"""{"clientCertificates":[{"notBefore":"{{Past(2)}}","notAfter":"{{Past(1)}}","certificate":"{{ValidCertificate()}}"}]}"""), 1 },
    };

    public async Task InitializeAsync() => metadata = await FakeArmMetadata.StartAsync();

    public async Task DisposeAsync() => await metadata.DisposeAsync();

    [Fact]
    public async Task RefreshAsync_MetadataPublishesACertificate_ItIsAccepted()
    {
        using var arm = TestCertificates.SelfSigned("arm.test");
        using var other = TestCertificates.SelfSigned("other.test");
        metadata.Publish(arm);
        using var services = Services();

        var refreshed = await services.Refresher.RefreshAsync(CancellationToken.None);

        refreshed.Should().BeTrue();
        services.Certificates.RefreshedAt.Should().Be(clock.GetUtcNow());
        services.Certificates.Accepts(arm, clock.GetUtcNow()).Should().BeTrue();
        services.Certificates.Accepts(other, clock.GetUtcNow()).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(FailedRefreshes))]
    public async Task RefreshAsync_BadAnswer_KeepsTheLastGoodSet(string name, Action<FakeArmMetadata> answer, int requests)
    {
        using var arm = TestCertificates.SelfSigned("arm.test");
        metadata.Publish(arm);
        using var services = Services();
        await services.Refresher.RefreshAsync(CancellationToken.None);
        var lastGood = services.Certificates.RefreshedAt;
        answer(metadata);
        var before = metadata.Requests;
        clock.Advance(TimeSpan.FromHours(1));

        var refreshed = await services.Refresher.RefreshAsync(CancellationToken.None);

        refreshed.Should().BeFalse(name);
        metadata.Requests.Should().Be(before + requests, name);
        services.Certificates.RefreshedAt.Should().Be(lastGood, name);
        services.Certificates.Accepts(arm, clock.GetUtcNow()).Should().BeTrue($"{name}: the last good set stays");
    }

    private static string Past(int days) => DateTimeOffset.UtcNow.AddDays(-days).ToString("O");

    private static string Future() => DateTimeOffset.UtcNow.AddDays(1).ToString("O");

    private static string ValidCertificate()
    {
        using var certificate = TestCertificates.SelfSigned("expired-in-metadata.test");
        return Convert.ToBase64String(certificate.RawData);
    }

    private ArmAuthenticationServices Services() => new(clock, new Dictionary<string, string?>
    {
        ["ArmAuthentication:MetadataUrl"] = metadata.Url.ToString(),
        ["ArmAuthentication:RetryDelay"] = "00:00:00.001",
    });
}
