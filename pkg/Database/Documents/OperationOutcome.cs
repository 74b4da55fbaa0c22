using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>The end of one async operation, as recorded on the resource document.</summary>
public sealed class OperationOutcome : Extensible
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("status")]
    public ProvisioningState Status { get; set; }

    [JsonProperty("endTime")]
    public DateTimeOffset EndTime { get; set; }

    [JsonProperty("error", NullValueHandling = NullValueHandling.Ignore)]
    public CloudErrorBody? Error { get; set; }
}
