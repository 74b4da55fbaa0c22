using FluentAssertions;
using Rp.Api;
using Xunit;

namespace Rp.Api.Tests;

public sealed class SubscriptionIdsTests
{
    /// <summary>Case, value, canonical spelling (null: refused).</summary>
    public static TheoryData<string, string?, string?> Cases => new()
    {
        { "lower case", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" },
        { "upper case", "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" },
        { "null", null, null },
        { "empty", "", null },
        { "trailing newline", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\n", null },
        { "leading space", " 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", null },
        { "no dashes", "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d", null },
        { "braces", "{0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d}", null },
        { "not hexadecimal", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4cv2", null },
        { "dash misplaced", "0a1b2c3-d4e5f-6a7b-8c9d-0e1f2a3b4c5d", null },
        { "non-ASCII digit", "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5\u0665", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_Value_AcceptsTheDashedFormOnly(string name, string? value, string? canonical)
    {
        SubscriptionIds.TryParse(value, out var parsed).Should().Be(canonical is not null, name);
        parsed.Should().Be(canonical, name);
    }

    [Fact]
    public void Parse_Invalid_ThrowsInvalidSubscriptionIdAtSubscriptionId()
    {
        var error = FluentActions.Invoking(() => SubscriptionIds.Parse("x\n")).Should().Throw<CloudError>().Which;

        error.StatusCode.Should().Be(400);
        error.Error.Code.Should().Be("InvalidSubscriptionId");
        error.Error.Target.Should().Be("subscriptionId");
    }
}
