namespace Rp.Frontend.Tests.Harness;

/// <summary>Frontend, forwarder and backend in one process, every operation (create, update, delete) running to its end.</summary>
public sealed class CompletingPipelineFactory() : RpFactory(fullPipeline: true)
{
}
