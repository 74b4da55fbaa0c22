using System.Net;
using FluentAssertions;

namespace Rp.Frontend.Tests.Harness;

public static class ArmResponseAssertions
{
    public static void ShouldHaveStatus(this ArmResponse response, HttpStatusCode statusCode, string? testCase = null) =>
        response.StatusCode.Should().Be(statusCode, "{0}{1}", Prefix(testCase), response);

    /// <summary>The status and the error code (the shape itself is checked on every response by <see cref="ArmInvariants"/>).</summary>
    public static void ShouldBeCloudError(this ArmResponse response, HttpStatusCode statusCode, string code, string? target = null, string? testCase = null)
    {
        response.ShouldHaveStatus(statusCode, testCase);
        ((string?)response.Body["error"]?["code"]).Should().Be(code, "{0}{1}", Prefix(testCase), response);
        if (target is not null)
        {
            ((string?)response.Body["error"]?["target"]).Should().Be(target, "{0}{1}", Prefix(testCase), response);
        }
    }

    public static string ProvisioningState(this ArmResponse response) => (string)response.Body["properties"]!["provisioningState"]!;

    private static string Prefix(string? testCase) => testCase is null ? "" : testCase + ": ";
}
