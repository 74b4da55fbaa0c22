namespace Rp.Queue.Tests.Conformance;

/// <summary>One implementation's queue, empty and created, as the conformance suite sees it; disposing it cleans up.</summary>
public interface IWorkQueueUnderTest : IAsyncDisposable
{
    IWorkQueue Queue { get; }
}
