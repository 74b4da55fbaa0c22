namespace Rp.ArmDeploymentClient;

/// <summary>A deployment that cannot go on, with a message for the person who started it.</summary>
public sealed class DeploymentException(string message) : Exception(message);
