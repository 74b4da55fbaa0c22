using FluentAssertions;
using Rp.Api.Validation;
using Xunit;

namespace Rp.Api.Tests.Validation;

public sealed class Ipv4CidrTests
{
    public static TheoryData<string, string, bool> Parses => new()
    {
        { "network", "10.0.0.0/16", true },
        { "whole space", "0.0.0.0/0", true },
        { "host", "10.1.2.3/32", true },
        { "host bits set", "10.0.0.1/16", false },
        { "no prefix", "10.0.0.0", false },
        { "prefix over 32", "10.0.0.0/33", false },
        { "prefix with a leading zero", "10.0.0.0/016", false },
        { "octet with a leading zero", "10.0.00.0/16", false },
        { "octet over 255", "10.0.256.0/24", false },
        { "three octets", "10.0.0/16", false },
        { "five octets", "10.0.0.0.0/16", false },
        { "sign", "+10.0.0.0/16", false },
        { "spaces", " 10.0.0.0/16", false },
        { "non-ASCII digits", "١٠.0.0.0/16", false },
        { "IPv6", "fd00::/8", false },
        { "empty", "", false },
    };

    public static TheoryData<string, string, string, bool> Overlaps => new()
    {
        { "same", "10.0.0.0/16", "10.0.0.0/16", true },
        { "inside", "10.0.0.0/16", "10.0.128.0/24", true },
        { "adjacent", "10.0.0.0/16", "10.1.0.0/16", false },
        { "apart", "10.0.0.0/8", "172.16.0.0/12", false },
        { "last address", "10.0.0.0/16", "10.0.255.255/32", true },
        { "whole space", "0.0.0.0/0", "192.168.0.0/16", true },
    };

    [Theory]
    [MemberData(nameof(Parses))]
    public void TryParse_Text_AcceptsOnlyStrictNetworks(string name, string text, bool valid)
    {
        Ipv4Cidr.TryParse(text, out var cidr).Should().Be(valid, name);
        if (valid)
        {
            cidr.ToString().Should().Be(text, name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlaps))]
    public void Overlaps_TwoNetworks_IsSymmetric(string name, string a, string b, bool overlap)
    {
        Ipv4Cidr.TryParse(a, out var x).Should().BeTrue();
        Ipv4Cidr.TryParse(b, out var y).Should().BeTrue();

        x.Overlaps(y).Should().Be(overlap, name);
        y.Overlaps(x).Should().Be(overlap, name);
    }
}
