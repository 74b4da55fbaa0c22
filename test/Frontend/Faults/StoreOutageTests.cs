using System.Diagnostics;
using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Faults;

/// <summary>
/// A store that is unavailable gets the client a 503 CloudError with <c>Retry-After</c> (ARM
/// retries it), at once when the store says so and within the request timeout when it does not
/// answer at all: never a hang, never a write.
/// </summary>
public sealed class StoreOutageTests(UnavailableStoreFactory factory) : IClassFixture<UnavailableStoreFactory>, IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string, bool> Outages => new()
    {
        { "store answers busy", false },
        { "store does not answer", true },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Request_StoreUnavailable_Answers503WithRetryAfter(string name, bool hangs)
    {
        factory.Hangs = hangs;
        var cluster = ClusterRef.New();
        var version = V20200430Version.Instance;

        foreach (var send in new Func<Task<ArmResponse>>[]
        {
            () => arm.PutAsync(cluster.Url(version.Name), version.CreateBody()),
            () => arm.GetAsync(cluster.Url(version.Name)),
            () => arm.DeleteAsync(cluster.Url(version.Name)),
        })
        {
            var clock = Stopwatch.StartNew();
            var response = await send();

            response.ShouldBeCloudError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", testCase: name);
            response.Header("Retry-After").Should().Be("1", name);
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(UnavailableStoreFactory.RequestTimeoutSeconds * 10), "{0}: the answer comes within the request timeout", name);
        }
    }

    public void Dispose() => arm.Dispose();
}
