using Newtonsoft.Json;

namespace Rp.Api;

/// <summary>
/// ARM's common <c>systemData</c> shape, the same in every api-version (it is ARM's, not this RP's):
/// read-only, taken from the <c>x-ms-arm-resource-system-data</c> header, never from a body.
/// </summary>
[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
public sealed record ResourceSystemData
{
    [JsonProperty("createdBy")]
    public string? CreatedBy { get; set; }

    [JsonProperty("createdByType")]
    public string? CreatedByType { get; set; }

    [JsonProperty("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonProperty("lastModifiedBy")]
    public string? LastModifiedBy { get; set; }

    [JsonProperty("lastModifiedByType")]
    public string? LastModifiedByType { get; set; }

    [JsonProperty("lastModifiedAt")]
    public DateTimeOffset? LastModifiedAt { get; set; }

    public static ResourceSystemData? FromInternal(SystemData? systemData) =>
        systemData is null
            ? null
            : new ResourceSystemData
            {
                CreatedBy = systemData.CreatedBy,
                CreatedByType = systemData.CreatedByType,
                CreatedAt = systemData.CreatedAt,
                LastModifiedBy = systemData.LastModifiedBy,
                LastModifiedByType = systemData.LastModifiedByType,
                LastModifiedAt = systemData.LastModifiedAt,
            };
}
