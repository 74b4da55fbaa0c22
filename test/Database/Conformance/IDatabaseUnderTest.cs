namespace Rp.Database.Tests.Conformance;

/// <summary>One implementation's four containers, as a conformance suite sees them; disposing it cleans up.</summary>
public interface IDatabaseUnderTest : IAsyncDisposable
{
    IOpenShiftClusters OpenShiftClusters { get; }

    ISubscriptions Subscriptions { get; }

    IAsyncOperations AsyncOperations { get; }

    ILeases Leases { get; }

    /// <summary>
    /// The same database as another process opens it: a client of its own, whose writes reach this
    /// one only through the store. Disposing it leaves the database as it is.
    /// </summary>
    IDatabaseUnderTest OpenAnotherClient();
}
