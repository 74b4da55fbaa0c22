using FluentAssertions;
using Rp.Backend.Installer;
using Xunit;

namespace Rp.Backend.Tests.Installer;

public sealed class Ipv4CidrTests
{
    public static TheoryData<string, string, string, string, string> HalveCases => new()
    {
        { "aligned /22", "10.0.0.0/22", "10.0.0.0/22", "10.0.0.0/23", "10.0.2.0/23" },
        { "host bits cleared", "192.168.1.77/24", "192.168.1.0/24", "192.168.1.0/25", "192.168.1.128/25" },
        { "smallest vnet", "10.9.8.16/28", "10.9.8.16/28", "10.9.8.16/29", "10.9.8.24/29" },
        { "whole space", "0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1" },
    };

    public static TheoryData<string, string?> Invalid => new()
    {
        { "null", null },
        { "empty", "" },
        { "no prefix", "10.0.0.0" },
        { "signed prefix", "10.0.0.0/+8" },
        { "prefix over 32", "10.0.0.0/33" },
        { "IPv6", "fd00::/64" },
        { "garbage address", "ten/8" },
    };

    [Theory]
    [MemberData(nameof(HalveCases))]
    public void Halve_Network_SplitsIntoTwoAdjacentHalves(string name, string text, string normalised, string lower, string upper)
    {
        Ipv4Cidr.TryParse(text, out var cidr).Should().BeTrue(name);

        var (first, second) = cidr.Halve();

        (cidr.ToString(), first.ToString(), second.ToString()).Should().Be((normalised, lower, upper), name);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_NotAnIpv4Cidr_ReturnsFalse(string name, string? text)
    {
        Ipv4Cidr.TryParse(text, out _).Should().BeFalse(name);
    }

    [Fact]
    public void AzureHostAddress_AnySeed_AvoidsTheReservedAddresses()
    {
        Ipv4Cidr.TryParse("10.0.0.0/29", out var subnet).Should().BeTrue();

        var addresses = Enumerable.Range(0, 64).Select(seed => subnet.AzureHostAddress((uint)seed)).ToHashSet();

        addresses.Should().BeEquivalentTo(["10.0.0.4", "10.0.0.5", "10.0.0.6"]);
    }
}
