using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Rp.Api.V20191231Preview;
using Rp.Api.V20200430;
using Xunit;

namespace Rp.Api.Tests;

public sealed class ApiVersionsTests
{
    public static TheoryData<string, string, string?> Lookups => new()
    {
        { "preview as registered", "2019-12-31-preview", "2019-12-31-preview" },
        { "preview in uppercase", "2019-12-31-PREVIEW", "2019-12-31-preview" },
        { "stable", "2020-04-30", "2020-04-30" },
        { "unknown version", "2021-01-01", null },
        { "empty", "", null },
    };

    [Fact]
    public void AddRpApiVersions_CalledTwice_RegistersEachVersionOnceAndOneApiVersions()
    {
        using var provider = new ServiceCollection().AddRpApiVersions().AddRpApiVersions().BuildServiceProvider();

        provider.GetServices<IApiVersion>().Select(v => v.Name).Should().BeEquivalentTo(["2019-12-31-preview", "2020-04-30"]);
        var versions = provider.GetRequiredService<ApiVersions>();
        versions.Names.Should().Equal("2019-12-31-preview", "2020-04-30");
        versions.Values.Should().BeEquivalentTo(provider.GetServices<IApiVersion>(), o => o.WithStrictOrdering().ComparingByValue<IApiVersion>());
        provider.GetRequiredService<ApiVersions>().Should().BeSameAs(versions);
    }

    [Theory]
    [MemberData(nameof(Lookups))]
    public void TryGetValue_Name_FindsTheVersionCaseInsensitively(string name, string requested, string? expected)
    {
        var versions = new ApiVersions([new ApiVersion20200430(), new ApiVersion20191231Preview()]);

        versions.TryGetValue(requested, out var version).Should().Be(expected is not null, name);
        version?.Name.Should().Be(expected, name);
        versions.ContainsKey(requested).Should().Be(expected is not null, name);
    }

    [Fact]
    public void Enumeration_Versions_IsInNameOrder()
    {
        var versions = new ApiVersions([new ApiVersion20200430(), new ApiVersion20191231Preview()]);

        versions.Select(v => v.Key).Should().Equal("2019-12-31-preview", "2020-04-30");
        versions.Keys.Should().Equal(versions.Names);
        versions.Count.Should().Be(2);
        versions["2020-04-30"].Should().BeOfType<ApiVersion20200430>();
    }

    [Fact]
    public void Constructor_SameNameTwice_Throws()
    {
        var act = () => new ApiVersions([new ApiVersion20200430(), new ApiVersion20200430()]);

        act.Should().Throw<ArgumentException>().WithMessage("*2020-04-30*");
    }

    [Fact]
    public void Versions_Flags_MatchTheContract()
    {
        IApiVersion preview = new ApiVersion20191231Preview();
        IApiVersion stable = new ApiVersion20200430();

        new[] { preview.SupportsCredentialsGet, preview.SupportsAdminCredentials, stable.SupportsCredentialsGet, stable.SupportsAdminCredentials }
            .Should().Equal(true, false, false, true);
        stable.ClusterToExternal(new OpenShiftCluster()).Should().BeOfType<JObject>();
    }
}
