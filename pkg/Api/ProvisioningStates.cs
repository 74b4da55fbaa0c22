namespace Rp.Api;

public static class ProvisioningStates
{
    public static bool IsTerminal(this ProvisioningState state) =>
        state is ProvisioningState.Succeeded or ProvisioningState.Failed or ProvisioningState.Canceled;
}
