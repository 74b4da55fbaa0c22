using FluentAssertions;
using Rp.Api;
using Xunit;

namespace Rp.Api.Tests;

public sealed class LocationsTests
{
    /// <summary>Case, value, region name (null: not a region).</summary>
    public static TheoryData<string, string?, string?> Cases => new()
    {
        { "name", "eastus", "eastus" },
        { "name with digits", "westus2", "westus2" },
        { "display name", "East US 2", "eastus2" },
        { "upper case", "EASTUS", "eastus" },
        { "null", null, null },
        { "blank", "  ", null },
        { "non-ASCII letter", "eastüs", null },
        { "Kelvin sign", "\u212Aoreacentral", null },
        { "CR LF", "east\r\nus", null },
        { "NUL", "east\0us", null },
        { "path", "east/../../us", null },
        { "hyphen", "east-us", null },
        { "too long", new string('a', Locations.MaxLength + 1), null },
        { "longest", new string('a', Locations.MaxLength), new string('a', Locations.MaxLength) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_Value_GivesTheRegionName(string name, string? value, string? expected) =>
        Locations.Normalize(value).Should().Be(expected, name);

    [Theory]
    [InlineData("eastus", true)]
    [InlineData("East US", false)]
    [InlineData("EastUS", false)]
    [InlineData("", false)]
    public void IsName_Value_OnlyTheNameAsArmSendsItInAUrl(string value, bool expected) =>
        Locations.IsName(value).Should().Be(expected);
}
