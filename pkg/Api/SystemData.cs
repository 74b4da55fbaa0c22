namespace Rp.Api;

/// <summary>ARM's <c>x-ms-arm-resource-system-data</c>, persisted and returned as top-level <c>systemData</c>.</summary>
public sealed class SystemData : Extensible
{
    public string? CreatedBy { get; set; }

    public string? CreatedByType { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public string? LastModifiedBy { get; set; }

    public string? LastModifiedByType { get; set; }

    public DateTimeOffset? LastModifiedAt { get; set; }
}
