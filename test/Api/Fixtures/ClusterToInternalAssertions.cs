using FluentAssertions;
using Newtonsoft.Json.Linq;

namespace Rp.Api.Tests.Fixtures;

internal static class ClusterToInternalAssertions
{
    /// <summary>
    /// Applies <paramref name="body"/> and checks the outcome: success when <paramref name="code"/> is
    /// null, otherwise a 400 with that code and target that left <paramref name="target"/> as it was.
    /// <paramref name="because"/> names the case in failure messages.
    /// </summary>
    public static void ShouldApply(this IApiVersion version, JObject body, OpenShiftCluster? current, OpenShiftCluster target, string? code, string? errorTarget, string because)
    {
        var before = TestJson.Serialize(target);
        var act = () => version.ClusterToInternal(body, current, target);
        if (code is null)
        {
            act.Should().NotThrow(because);
            return;
        }

        var error = act.Should().Throw<CloudError>(because).Which;
        error.StatusCode.Should().Be(400, because);
        error.Error.Code.Should().Be(code, because);
        error.Error.Target.Should().Be(errorTarget, because);
        TestJson.Serialize(target).Should().Be(before, $"an invalid body must leave the target untouched ({because})");
    }
}
