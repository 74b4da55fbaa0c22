using FluentAssertions;
using Xunit;

namespace Rp.Env.Tests;

public sealed class ListenUrlsTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "default http", "http://localhost:8080", "http://localhost:8080;https://localhost:8443" },
        { "loopback address", "http://127.0.0.1:5000", "http://127.0.0.1:5000;https://127.0.0.1:8443" },
        { "IPv6 loopback", "http://[::1]:5000", "http://[::1]:5000;https://[::1]:8443" },
        { "any address", "http://*:80", "http://*:80;https://*:8443" },
        { "strong wildcard", "http://+:80", "http://+:80;https://+:8443" },
        { "first http host wins", "http://127.0.0.1:1;http://localhost:2", "http://127.0.0.1:1;http://localhost:2;https://127.0.0.1:8443" },
        { "unix socket skipped", "http://unix:/tmp/rp.sock;http://127.0.0.1:1", "http://unix:/tmp/rp.sock;http://127.0.0.1:1;https://127.0.0.1:8443" },
        { "only a unix socket", "http://unix:/tmp/rp.sock", "http://unix:/tmp/rp.sock;https://localhost:8443" },
        { "trailing separator", "http://localhost:8080;", "http://localhost:8080;https://localhost:8443" },
        { "https already among them", "http://localhost:8080;https://localhost:9443", "http://localhost:8080;https://localhost:9443" },
        { "https only", "https://localhost:9443", "https://localhost:9443" },
        { "https in capitals", "HTTPS://localhost:9443", "HTTPS://localhost:9443" },
        { "nothing configured", "", "https://localhost:8443" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithHttps_Urls_AddsHttpsOnFirstHostUnlessPresent(string name, string urls, string expected)
    {
        ListenUrls.WithHttps(urls, 8443).Should().Be(expected, name);
    }
}
