namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// Frontend, forwarder and backend in one process. Creates and deletes run to the end; every update
/// hangs in its only phase until a later request cancels it, which holds an operation open on demand.
/// </summary>
public sealed class PipelineFactory() : RpFactory(
    fullPipeline: true,
    new Dictionary<string, string> { ["Installer:HangAtPhase"] = HangingPhase })
{
    public const string HangingPhase = "reconcile";
}
