namespace Rp.Frontend.Authentication;

/// <summary>The two certificate-authentication schemes: one per kind of caller, never interchangeable.</summary>
internal static class ClientCertificateSchemes
{
    public const string Arm = "ArmCertificate";

    public const string Admin = "AdminCertificate";
}
