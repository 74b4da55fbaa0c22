using FluentAssertions;
using Xunit;

namespace Rp.Env.Tests;

public sealed class ListenUrlsTests
{
    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "default http", "http://localhost:8080", 8443, "http://localhost:8080;https://localhost:8443" },
        { "loopback address", "http://127.0.0.1:5000", 8443, "http://127.0.0.1:5000;https://127.0.0.1:8443" },
        { "IPv6 loopback", "http://[::1]:5000", 8443, "http://[::1]:5000;https://[::1]:8443" },
        { "any address", "http://*:80", 8443, "http://*:80;https://*:8443" },
        { "strong wildcard", "http://+:80", 8443, "http://+:80;https://+:8443" },
        { "first http host wins", "http://127.0.0.1:1;http://localhost:2", 8443, "http://127.0.0.1:1;http://localhost:2;https://127.0.0.1:8443" },
        { "unix socket skipped", "http://unix:/tmp/rp.sock;http://127.0.0.1:1", 8443, "http://unix:/tmp/rp.sock;http://127.0.0.1:1;https://127.0.0.1:8443" },
        { "only a unix socket", "http://unix:/tmp/rp.sock", 8443, "http://unix:/tmp/rp.sock;https://localhost:8443" },
        { "trailing separator", "http://localhost:8080;", 8443, "http://localhost:8080;https://localhost:8443" },
        { "https already among them", "http://localhost:8080;https://localhost:9443", 8443, "http://localhost:8080;https://localhost:9443" },
        { "https only", "https://localhost:9443", 8443, "https://localhost:9443" },
        { "https in capitals", "HTTPS://localhost:9443", 8443, "HTTPS://localhost:9443" },
        { "nothing configured", "", 8443, "https://localhost:8443" },
        { "another port", "http://localhost:8080", 9443, "http://localhost:8080;https://localhost:9443" },
        { "port 0 adds none", "http://localhost:8080", 0, "http://localhost:8080" },
        { "port 0 keeps a configured https URL", "http://localhost:8080;https://localhost:9443", 0, "http://localhost:8080;https://localhost:9443" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithHttps_Urls_AddsHttpsOnFirstHostUnlessPresent(string name, string urls, int httpsPort, string expected)
    {
        ListenUrls.WithHttps(urls, httpsPort).Should().Be(expected, name);
    }
}
