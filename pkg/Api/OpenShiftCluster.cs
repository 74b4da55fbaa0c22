namespace Rp.Api;

/// <summary>The internal, version-independent model of a cluster resource.</summary>
public sealed class OpenShiftCluster : Extensible
{
    public const string ResourceType = "RedHat.OpenShift/OpenShiftClusters";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = ResourceType;

    public string Location { get; set; } = "";

    public Dictionary<string, string>? Tags { get; set; }

    public SystemData? SystemData { get; set; }

    public OpenShiftClusterProperties Properties { get; set; } = new();
}
