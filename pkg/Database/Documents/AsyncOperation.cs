using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>The ARM async-operation status resource as stored and served.</summary>
public sealed class AsyncOperation : Extensible
{
    /// <summary>The status resource's ARM id: /subscriptions/{sub}/providers/RedHat.OpenShift/locations/{loc}/operationsStatus/{opId}.</summary>
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("name")]
    public string Name { get; set; } = "";

    [JsonProperty("status")]
    public ProvisioningState Status { get; set; }

    [JsonProperty("startTime")]
    public DateTimeOffset StartTime { get; set; }

    [JsonProperty("endTime", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? EndTime { get; set; }

    [JsonProperty("percentComplete", NullValueHandling = NullValueHandling.Ignore)]
    public double? PercentComplete { get; set; }

    [JsonProperty("error", NullValueHandling = NullValueHandling.Ignore)]
    public CloudErrorBody? Error { get; set; }
}
