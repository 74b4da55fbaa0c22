using FluentAssertions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

public static class JsonAssertions
{
    /// <summary>Structural equality (property order ignored), showing both values when it fails.</summary>
    public static void ShouldDeepEqual(this JToken? actual, JToken? expected, string because = "")
    {
        var reason = $"expected {expected?.ToString(Formatting.None) ?? "nothing"} but found {actual?.ToString(Formatting.None) ?? "nothing"}{(because.Length > 0 ? ": " + because : "")}";
        JToken.DeepEquals(actual, expected).Should().BeTrue(reason);
    }
}
