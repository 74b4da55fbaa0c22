using FluentAssertions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Rp.Backend.Worker;
using Rp.Database.Tests;
using Xunit;

namespace Rp.Backend.Tests.Worker;

public sealed class BackendHealthCheckTests
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    /// <summary>Name; whether the loops were started; how long each of three workers has held its message (null: idle); the expected status.</summary>
    public static TheoryData<string, bool, TimeSpan?[], HealthStatus> Workers => new()
    {
        { "not started", false, [], HealthStatus.Unhealthy },
        { "all idle", true, [null, null, null], HealthStatus.Healthy },
        { "all busy, none stuck", true, [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(14), TimeSpan.Zero], HealthStatus.Healthy },
        { "some stuck", true, [StuckAfter + TimeSpan.FromSeconds(1), null, StuckAfter * 2], HealthStatus.Healthy },
        { "all stuck", true, [StuckAfter + TimeSpan.FromSeconds(1), StuckAfter * 2, StuckAfter * 3], HealthStatus.Unhealthy },
    };

    [Theory]
    [MemberData(nameof(Workers))]
    public async Task CheckHealthAsync_Workers_ReadyUnlessNotRunningOrAllStuck(string name, bool started, TimeSpan?[] busyFor, HealthStatus expected)
    {
        var time = new ManualTimeProvider();
        var workers = new BackendWorkers();
        var start = time.GetUtcNow();
        if (started)
        {
            workers.Started(busyFor.Length);
        }

        // Each worker takes its message when it has held it for as long as the case says, the longest first.
        var longest = busyFor.Max() ?? TimeSpan.Zero;
        for (var i = 0; i < busyFor.Length; i++)
        {
            if (busyFor[i] is { } held)
            {
                workers.Began(i, start + (longest - held));
            }
        }

        time.Advance(longest);
        var check = new BackendHealthCheck(workers, time, Options.Create(new BackendOptions { StuckAfter = StuckAfter }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(expected, name);
        if (started)
        {
            result.Data["workers"].Should().Be(busyFor.Length);
            result.Data["busy"].Should().Be(busyFor.Count(b => b is not null));
        }
    }

    [Fact]
    public async Task CheckHealthAsync_LoopsStopped_NotReady()
    {
        var workers = new BackendWorkers();
        workers.Started(2);
        workers.Stopped();
        var check = new BackendHealthCheck(workers, new ManualTimeProvider(), Options.Create(new BackendOptions()));

        (await check.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Unhealthy);
    }
}
