using Rp.Api;

namespace Rp.Backend.Installer;

/// <summary>The local installer's phase names and their order per provisioning state.</summary>
public static class InstallerPhases
{
    public const string Domain = "domain";
    public const string Pki = "pki";
    public const string Credentials = "credentials";
    public const string Urls = "urls";
    public const string Kubeconfig = "kubeconfig";
    public const string Infrastructure = "infrastructure";
    public const string Reconcile = "reconcile";
    public const string Deprovision = "deprovision";

    public static IReadOnlyList<string> Creating { get; } = [Domain, Pki, Credentials, Urls, Kubeconfig, Infrastructure];

    public static IReadOnlyList<string> Updating { get; } = [Reconcile];

    public static IReadOnlyList<string> Deleting { get; } = [Deprovision];

    public static IReadOnlyList<string> For(ProvisioningState state) => state switch
    {
        ProvisioningState.Creating => Creating,
        ProvisioningState.Updating => Updating,
        ProvisioningState.Deleting => Deleting,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only non-terminal states have install phases."),
    };
}
