namespace Rp.Deploy;

/// <summary>The pinned, non-preview API version of each resource provider the template deploys to.</summary>
public static class ArmApiVersions
{
    public const string DocumentDb = "2024-11-15";
    public const string Storage = "2023-05-01";
    public const string ManagedIdentity = "2023-01-31";
    public const string Authorization = "2022-04-01";
}
