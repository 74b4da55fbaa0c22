namespace Rp.Database.Tests.Conformance;

/// <summary>One implementation's four containers, as a conformance suite sees them; disposing it cleans up.</summary>
public interface IDatabaseUnderTest : IAsyncDisposable
{
    IOpenShiftClusters OpenShiftClusters { get; }

    ISubscriptions Subscriptions { get; }

    IAsyncOperations AsyncOperations { get; }

    ILeases Leases { get; }
}
