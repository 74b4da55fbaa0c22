using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>
/// An ARM async operation. Id and partition key are the operation id (a GUID). Kept
/// <see cref="Ttl"/> seconds after its last write (at least 7 days after it ends).
/// </summary>
public sealed class AsyncOperationDocument : Document
{
    public const int DefaultTtlSeconds = 7 * 24 * 60 * 60;

    [JsonProperty("openShiftClusterKey")]
    public string OpenShiftClusterKey { get; set; } = "";

    /// <summary>The state the operation drives the resource through: Creating, Updating or Deleting.</summary>
    [JsonProperty("initialProvisioningState")]
    public ProvisioningState InitialProvisioningState { get; set; }

    [JsonProperty("asyncOperation")]
    public AsyncOperation AsyncOperation { get; set; } = new();

    [JsonProperty("ttl")]
    public int Ttl { get; set; } = DefaultTtlSeconds;
}
