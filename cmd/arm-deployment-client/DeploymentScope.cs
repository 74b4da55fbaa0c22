namespace Rp.ArmDeploymentClient;

/// <summary>Where a deployment runs, as ARM gives it to the template (<c>subscription()</c>, <c>resourceGroup()</c>, <c>deployment()</c>).</summary>
public sealed record DeploymentScope(string SubscriptionId, string ResourceGroup, string Location, string DeploymentName);
