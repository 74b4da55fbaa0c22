using FluentAssertions;
using Rp.Backend.Installer;
using Xunit;

namespace Rp.Backend.Tests.Installer;

public sealed class ClusterLayoutTests
{
    public static TheoryData<string, string?, string> DnsNames => new()
    {
        { "already a label", "cluster1", "cluster1" },
        { "upper case and punctuation", "My_Cluster.v2", "my-cluster-v2" },
        { "edges trimmed", "--x--", "x" },
        { "truncated", "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstu" },
        { "nothing usable", "___", "fallback" },
        { "null", null, "fallback" },
    };

    [Theory]
    [MemberData(nameof(DnsNames))]
    public void DnsName_Name_LowerCaseLabel(string name, string? value, string expected)
    {
        ClusterLayout.DnsName(value, 21, "fallback").Should().Be(expected, name);
    }

    [Fact]
    public void For_SameId_SameNames()
    {
        var first = ClusterLayout.For(TestClusters.New("Same"));
        var second = ClusterLayout.For(TestClusters.New("Same"));
        var other = ClusterLayout.For(TestClusters.New("Other"));

        (second.InfraId, second.StorageAccountName).Should().Be((first.InfraId, first.StorageAccountName));
        first.InfraId.Should().MatchRegex("^same-[0-9a-f]{5}$");
        first.StorageAccountName.Should().MatchRegex("^cluster[0-9a-f]{17}$");
        other.StorageAccountName.Should().NotBe(first.StorageAccountName);
    }
}
