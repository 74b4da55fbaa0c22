using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Traffic;

/// <summary>The recorded files are what <c>oav validate-traffic</c> reads.</summary>
[Collection(FrontendCollection.Name)]
public sealed class TrafficRecorderTests(FrontendFactory factory) : IDisposable
{
    private readonly string directory = Path.Combine(factory.DataDir, "traffic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_Put_WritesOneOavTrafficFile()
    {
        var cluster = ClusterRef.New();
        using var arm = new ArmClient(factory.CreateDefaultClient(RpFactory.ArmBaseAddress, new TrafficRecorder(directory)));

        var put = await arm.PutAsync(cluster.Url("2020-04-30"), V20200430Version.Instance.CreateBody(), ("x-ms-client-request-id", "abc"));

        var file = Directory.GetFiles(directory, "*.json").Should().ContainSingle().Subject;
        var pair = JObject.Parse(await File.ReadAllTextAsync(file));
        pair.Properties().Select(p => p.Name).Should().Equal("liveRequest", "liveResponse");
        var request = (JObject)pair["liveRequest"]!;
        ((string?)request["method"]).Should().Be("PUT");
        ((string?)request["url"]).Should().Be($"https://management.azure.com{cluster.Url("2020-04-30")}");
        request["body"].ShouldDeepEqual(V20200430Version.Instance.CreateBody());
        ((string?)request["headers"]!["x-ms-client-request-id"]).Should().Be("abc");
        ((string?)request["headers"]!["Content-Type"]).Should().StartWith("application/json");
        var response = (JObject)pair["liveResponse"]!;
        response["statusCode"]!.Type.Should().Be(JTokenType.String);
        ((string?)response["statusCode"]).Should().Be("201");
        ((JObject)response["headers"]!).Properties().Should().OnlyContain(h => h.Value.Type == JTokenType.String);
        ((string?)response["headers"]!["Azure-AsyncOperation"]).Should().Be(put.Header("Azure-AsyncOperation"));
        response["body"].ShouldDeepEqual(put.Body);
    }

    [Fact]
    public async Task SendAsync_NoBody_OmitsBody()
    {
        using var arm = new ArmClient(factory.CreateDefaultClient(RpFactory.ArmBaseAddress, new TrafficRecorder(directory)));

        await arm.DeleteAsync(ClusterRef.New().Url("2020-04-30"));

        var pair = JObject.Parse(await File.ReadAllTextAsync(Directory.GetFiles(directory).Single()));
        ((JObject)pair["liveRequest"]!).ContainsKey("body").Should().BeFalse();
        ((JObject)pair["liveResponse"]!).ContainsKey("body").Should().BeFalse();
        ((string?)pair["liveResponse"]!["statusCode"]).Should().Be("204");
    }

    [Fact]
    public void FromEnvironment_FollowsRpTrafficDir()
    {
        var handlers = TrafficRecorder.FromEnvironment();

        handlers.Should().HaveCount(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TrafficRecorder.DirectoryVariable)) ? 0 : 1);
    }
}
