using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>
/// A cluster resource as stored in the <c>OpenShiftClusters</c> container: partitioned by
/// subscription id, <see cref="Key"/> (the lower-cased resource id) unique.
/// </summary>
public sealed class OpenShiftClusterDocument : Document
{
    [JsonProperty("key")]
    public string Key { get; set; } = "";

    /// <summary>True from the frontend's write until the forwarder has put the document on the queue.</summary>
    [JsonProperty("unqueued")]
    public bool Unqueued { get; set; }

    [JsonProperty("leaseOwner", NullValueHandling = NullValueHandling.Ignore)]
    public string? LeaseOwner { get; set; }

    [JsonProperty("leaseExpires", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? LeaseExpires { get; set; }

    /// <summary>The delivery count of the queue message the current lease was taken for (the admin API shows it).</summary>
    [JsonProperty("dequeueCount", NullValueHandling = NullValueHandling.Ignore)]
    public int? DequeueCount { get; set; }

    /// <summary>The async operation that the current (or last) provisioning state belongs to.</summary>
    [JsonProperty("asyncOperationId", NullValueHandling = NullValueHandling.Ignore)]
    public string? AsyncOperationId { get; set; }

    /// <summary>
    /// Operations superseded by a later request (a DELETE during a create) that the backend must
    /// still record as Canceled. Kept until that is done, so a crash cannot leave one running.
    /// </summary>
    [JsonProperty("canceledAsyncOperationIds", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? CanceledAsyncOperationIds { get; set; }

    /// <summary>
    /// The operations started on the resource, oldest first (the last <see cref="MaxOperationHistory"/>):
    /// the AsyncOperations container is partitioned by operation id, so this is how the admin API
    /// finds a cluster's operations without a cross-partition query.
    /// </summary>
    [JsonProperty("asyncOperationHistory", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? AsyncOperationHistory { get; set; }

    /// <summary>How the last operation ended, written atomically with the terminal provisioning state.</summary>
    [JsonProperty("lastOperation", NullValueHandling = NullValueHandling.Ignore)]
    public OperationOutcome? LastOperation { get; set; }

    [JsonProperty("correlation", NullValueHandling = NullValueHandling.Ignore)]
    public CorrelationData? Correlation { get; set; }

    /// <summary>
    /// The resource's ARM etag: changes when the resource changes as a client sees it (a request
    /// or a provisioning-state transition), not on internal bookkeeping writes.
    /// </summary>
    [JsonProperty("resourceETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ResourceETag { get; set; }

    [JsonProperty("openShiftCluster")]
    public OpenShiftCluster OpenShiftCluster { get; set; } = new();

    /// <summary>Operations are kept 7 days (TTL): more ids than a busy week's would only name expired ones.</summary>
    public const int MaxOperationHistory = 20;

    public static string NewResourceETag() => $"\"{Guid.NewGuid():N}\"";

    /// <summary>
    /// Starts an async operation on the resource: the new non-terminal state, the operation id,
    /// and the flag the forwarder looks for. A running operation it supersedes (a DELETE during a
    /// create) is remembered so that the backend records it as Canceled.
    /// </summary>
    public void BeginOperation(string operationId, ProvisioningState state, CorrelationData? correlation)
    {
        var properties = OpenShiftCluster.Properties;
        if (AsyncOperationId is not null && !properties.ProvisioningState.IsTerminal() && AsyncOperationId != operationId)
        {
            (CanceledAsyncOperationIds ??= []).Add(AsyncOperationId);
        }

        properties.LastProvisioningState = properties.ProvisioningState;
        properties.ProvisioningState = state;
        AsyncOperationId = operationId;
        var history = AsyncOperationHistory ??= [];
        if (!history.Contains(operationId))
        {
            history.Add(operationId);
            history.RemoveRange(0, Math.Max(0, history.Count - MaxOperationHistory));
        }

        Unqueued = true;
        Correlation = correlation;
        ResourceETag = NewResourceETag();
    }
}
