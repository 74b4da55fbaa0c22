using FluentAssertions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Rp.Database.Tests;
using Rp.Queue.Forwarder;
using Xunit;

namespace Rp.Queue.Tests.Forwarder;

public sealed class ForwarderHealthCheckTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>Name; whether (and leading or not) the lease was viewed; how long ago; whether the forwarder stopped; the expected status and description.</summary>
    public static TheoryData<string, bool?, TimeSpan, bool, HealthStatus, string> Views => new()
    {
        { "never viewed the lease", null, TimeSpan.Zero, false, HealthStatus.Unhealthy, "The forwarder has no fresh view of the leader lease." },
        { "leading, fresh", true, TimeSpan.FromSeconds(1), false, HealthStatus.Healthy, "Leading." },
        { "standing by, fresh", false, LeaseDuration, false, HealthStatus.Healthy, "Standing by." },
        { "standing by, stale", false, LeaseDuration + TimeSpan.FromSeconds(1), false, HealthStatus.Unhealthy, "The forwarder has no fresh view of the leader lease." },
        { "leading, stale", true, LeaseDuration * 2, false, HealthStatus.Unhealthy, "The forwarder has no fresh view of the leader lease." },
        { "stopped", true, TimeSpan.Zero, true, HealthStatus.Unhealthy, "The forwarder has stopped." },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task CheckHealthAsync_LeaseView_ReadyWhenLeadingOrStandingByWithAFreshView(string name, bool? leading, TimeSpan age, bool stopped, HealthStatus expected, string description)
    {
        var time = new ManualTimeProvider();
        var status = new ForwarderStatus();
        if (leading is { } isLeading)
        {
            status.Viewed(isLeading, time.GetUtcNow());
        }

        if (stopped)
        {
            status.Stopped();
        }

        time.Advance(age);
        var check = new ForwarderHealthCheck(status, time, Options.Create(new ForwarderOptions { LeaseDuration = LeaseDuration }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(expected, name);
        result.Description.Should().Be(description, name);
    }
}
