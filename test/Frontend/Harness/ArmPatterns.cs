namespace Rp.Frontend.Tests.Harness;

public static class ArmPatterns
{
    /// <summary>A lower-case GUID, as operation ids are written.</summary>
    public const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
}
