using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient.Tests;

/// <summary>A request the fake RP received.</summary>
public sealed record RecordedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, JObject? Body)
{
    /// <summary>The last segment of the path: the resource's (or operation's) name.</summary>
    public string Name => Url.AbsolutePath.Split('/')[^1];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
