namespace Rp.Api;

public static class ProvisioningStates
{
    public static bool IsTerminal(this ProvisioningState state) =>
        state is ProvisioningState.Succeeded or ProvisioningState.Failed or ProvisioningState.Canceled;

    /// <summary>What an operation that starts in <paramref name="state"/> does: <c>create</c>, <c>update</c> or <c>delete</c> (a metrics attribute).</summary>
    public static string OperationType(this ProvisioningState state) => state switch
    {
        ProvisioningState.Creating => "create",
        ProvisioningState.Updating => "update",
        ProvisioningState.Deleting => "delete",
        _ => "other",
    };
}
