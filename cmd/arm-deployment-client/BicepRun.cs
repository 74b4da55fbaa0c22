namespace Rp.ArmDeploymentClient;

/// <summary>What a successful Bicep CLI run printed: its output (stdout) and its diagnostics (stderr, warnings included).</summary>
public sealed record BicepRun(string Output, string Diagnostics);
