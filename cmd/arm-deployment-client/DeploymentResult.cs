using Newtonsoft.Json.Linq;

namespace Rp.ArmDeploymentClient;

/// <summary>How a deployment ended: Succeeded with its outputs, or Failed with the first error.</summary>
public sealed record DeploymentResult(bool Succeeded, JObject? Error, JObject Outputs);
