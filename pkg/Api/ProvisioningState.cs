namespace Rp.Api;

public enum ProvisioningState
{
    Creating,
    Updating,
    Deleting,
    Succeeded,
    Failed,
    Canceled,
}
