using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>One answer of the RP: status, the headers a deployment follows, and the JSON body (null when empty or not JSON).</summary>
public sealed record RpResponse(int Status, JObject? Body, string? AsyncOperation, string? Location, TimeSpan? RetryAfter)
{
    /// <summary>The CloudError of an error answer, or a stand-in naming the status.</summary>
    public JObject Error() => Body?["error"] as JObject ?? new JObject { ["code"] = $"HttpStatus{Status}", ["message"] = $"The RP answered {Status}." };
}
