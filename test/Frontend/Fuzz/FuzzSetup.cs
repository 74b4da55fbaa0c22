namespace Rp.Frontend.Tests.Fuzz;

/// <summary>What must exist before a fuzzed request is sent.</summary>
public enum FuzzSetup
{
    /// <summary>Nothing: the request creates, lists or reads what may not exist.</summary>
    None,

    /// <summary>The case's cluster, created and its operation ended Succeeded (so it takes updates and actions).</summary>
    SucceededCluster,

    /// <summary>The case's cluster, created and still Creating (its operation running).</summary>
    RunningCluster,
}
