namespace Rp.Frontend.Tests.Harness;

/// <summary>The full pipeline with an installer whose last create phase always fails.</summary>
public sealed class FailingPipelineFactory() : RpFactory(
    fullPipeline: true,
    new Dictionary<string, string> { ["Installer:FailAtPhase"] = FailingPhase })
{
    public const string FailingPhase = "infrastructure";
}
