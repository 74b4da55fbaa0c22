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

    /// <summary>
    /// The id of the resource document the operation drives: a resource deleted and created again
    /// under the same key is another document (absent in operations written before it was kept).
    /// </summary>
    [JsonProperty("openShiftClusterDocumentId", NullValueHandling = NullValueHandling.Ignore)]
    public string? OpenShiftClusterDocumentId { get; set; }

    /// <summary>The state the operation drives the resource through: Creating, Updating or Deleting.</summary>
    [JsonProperty("initialProvisioningState")]
    public ProvisioningState InitialProvisioningState { get; set; }

    [JsonProperty("asyncOperation")]
    public AsyncOperation AsyncOperation { get; set; } = new();

    [JsonProperty("ttl")]
    public int Ttl { get; set; } = DefaultTtlSeconds;

    /// <summary>The status resource's ARM id.</summary>
    public static string StatusId(string subscriptionId, string location, string operationId) =>
        $"/subscriptions/{subscriptionId}/providers/{ResourceId.ProviderNamespace}/locations/{Locations.Normalize(location) ?? throw new ArgumentException($"'{location}' is not a region.", nameof(location))}/operationsStatus/{operationId}";

    /// <summary>A new, running operation that drives the cluster <paramref name="cluster"/> (document <paramref name="documentId"/>) through <paramref name="state"/>.</summary>
    public static AsyncOperationDocument Start(ResourceId cluster, string documentId, string location, ProvisioningState state, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString();
        return new AsyncOperationDocument
        {
            Id = id,
            PartitionKey = id,
            OpenShiftClusterKey = cluster.Key,
            OpenShiftClusterDocumentId = documentId,
            InitialProvisioningState = state,
            AsyncOperation = new AsyncOperation
            {
                Id = StatusId(cluster.SubscriptionId, location, id),
                Name = id,
                Status = state,
                StartTime = now,
            },
        };
    }

    /// <summary>The error of an operation that a later request on its resource cut short.</summary>
    public static CloudErrorBody CanceledError() => new(CloudErrorCodes.Canceled, "The operation was canceled by a later request on the resource.");

    /// <summary>Records the end of the operation; false when it had already ended.</summary>
    public bool End(ProvisioningState status, CloudErrorBody? error, DateTimeOffset endTime)
    {
        if (AsyncOperation.Status.IsTerminal())
        {
            return false;
        }

        AsyncOperation.Status = status;
        AsyncOperation.Error = error;
        AsyncOperation.EndTime = endTime;
        AsyncOperation.PercentComplete = status == ProvisioningState.Succeeded ? 100 : AsyncOperation.PercentComplete;
        return true;
    }
}
