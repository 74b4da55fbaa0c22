using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Json;
using Rp.Frontend.Quotas;

namespace Rp.Frontend.Handlers;

/// <summary>
/// PUT (create 201 / replace 200) and PATCH (tags only: 200 at once; otherwise 202) of a cluster.
/// Checks the subscription's quota, then writes the document with a non-terminal state and an
/// async operation, and never waits for the backend. A PUT that changes nothing on a Succeeded
/// cluster (a redeploy) answers 200 at once and writes nothing.
/// </summary>
internal sealed partial class OpenShiftClusterPutOrPatch(
    IOpenShiftClusters clusters,
    IAsyncOperations operations,
    ClusterRequestValidator validator,
    QuotaChecker quota,
    TimeProvider time,
    IOptions<FrontendOptions> options,
    ILogger<OpenShiftClusterPutOrPatch> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var isPatch = HttpMethods.IsPatch(context.Request.Method);
        var id = context.ClusterId();
        var version = context.GetApiVersion();
        var body = context.GetObjectBody();
        body.Remove("etag");
        var systemData = context.SystemData();
        var correlation = context.Correlation(time.GetUtcNow());
        var tagsOnly = isPatch && body.Properties().All(p => p.Name == "tags");
        AsyncOperationDocument? operation = null;
        var created = false;
        var unchanged = false;
        var began = false;
        await using var reservation = quota.NewReservation(id);

        var document = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                began = false;
                var existing = await clusters.GetAsync(id.Key, ct).ConfigureAwait(false);
                if (existing is null && isPatch)
                {
                    throw ArmResponses.NotFound(id);
                }

                Preconditions.Check(context.Request, existing);
                if (existing is not null && !existing.OpenShiftCluster.Properties.ProvisioningState.IsTerminal())
                {
                    // ARM retries a PUT whose answer it did not get: the same PUT during the
                    // operation it started is answered as it was the first time.
                    if (!isPatch && await RunningOperationOfSamePutAsync(version, id, body, existing, ct).ConfigureAwait(false) is { } running)
                    {
                        operation = running;
                        created = running.InitialProvisioningState == ProvisioningState.Creating;
                        return existing;
                    }

                    throw new CloudError(409, CloudErrorCodes.AnotherOperationInProgress, $"Cannot {context.Request.Method} the resource while it is {existing.OpenShiftCluster.Properties.ProvisioningState}: another operation is in progress.");
                }

                // A redeploy of an unchanged template: nothing to do, so no operation and no write.
                if (!isPatch && existing?.OpenShiftCluster.Properties.ProvisioningState == ProvisioningState.Succeeded
                    && validator.LeadsTo(version, id, body, existing.OpenShiftCluster))
                {
                    // An operation an earlier attempt created is left to expire: nothing names it.
                    unchanged = true;
                    operation = null;
                    return existing;
                }

                created = existing is null;

                // The footprint before the request's changes are applied (they are applied in place).
                var before = existing is null ? null : ClusterFootprint.Of(existing.OpenShiftCluster);
                var doc = existing ?? NewDocument(id);
                var cluster = doc.OpenShiftCluster;
                var request = isPatch ? Merge(ClusterRepresentation.Render(version, doc), body) : body;
                validator.Apply(version, id, request, created ? null : cluster, cluster, isPut: !isPatch);
                ApplySystemData(cluster, systemData, created);
                if (tagsOnly)
                {
                    doc.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
                    return await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
                }

                await reservation.ReserveAsync(before, ClusterFootprint.Of(cluster), ct).ConfigureAwait(false);
                var state = created || (cluster.Properties.ProvisioningState is ProvisioningState.Failed or ProvisioningState.Canceled && cluster.Properties.FailedProvisioningState == ProvisioningState.Creating)
                    ? ProvisioningState.Creating
                    : ProvisioningState.Updating;
                if (operation is null || operation.InitialProvisioningState != state || operation.OpenShiftClusterKey != id.Key)
                {
                    operation = await operations.CreateAsync(AsyncOperationDocument.Start(id, cluster.Location, state, time.GetUtcNow()), ct).ConfigureAwait(false);
                }

                doc.BeginOperation(operation.Id, state, correlation);
                began = true;
                reservation.EnsureCurrent();
                if (!created)
                {
                    return await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
                }

                try
                {
                    return await clusters.CreateAsync(doc, ct).ConfigureAwait(false);
                }
                catch (ConflictException e)
                {
                    // A concurrent PUT created it first: start over and answer as a replace would.
                    throw new PreconditionFailedException("The resource was created concurrently.", e);
                }
            },
            context.RequestAborted).ConfigureAwait(false);
        reservation.Keep();

        if (began)
        {
            FrontendTelemetry.OperationStarted(document.OpenShiftCluster.Properties.ProvisioningState);
        }

        if (unchanged)
        {
            LogUnchanged(logger, id.ToString());
        }
        else
        {
            LogAccepted(logger, context.Request.Method, id.ToString(), document.OpenShiftCluster.Properties.ProvisioningState.ToString(), operation?.Id);
        }

        if (document.ResourceETag is not null)
        {
            context.Response.Headers.ETag = document.ResourceETag;
        }

        if (operation is null)
        {
            await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ClusterRepresentation.Render(version, document)).ConfigureAwait(false);
            return;
        }

        AsyncOperationUrls.SetHeaders(context, id, document.OpenShiftCluster.Location, operation, withLocation: isPatch, options.Value.RetryAfterSeconds);
        if (isPatch)
        {
            await ArmResponses.WriteStatusAsync(context, StatusCodes.Status202Accepted).ConfigureAwait(false);
            return;
        }

        await ArmResponses.WriteJsonAsync(context, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, ClusterRepresentation.Render(version, document)).ConfigureAwait(false);
    }

    /// <summary>
    /// The running operation if it was started by a PUT that leads to the very cluster this body
    /// does (secrets included); null for anything else, which then conflicts.
    /// </summary>
    private async Task<AsyncOperationDocument?> RunningOperationOfSamePutAsync(IApiVersion version, ResourceId id, JObject body, OpenShiftClusterDocument existing, CancellationToken cancellationToken)
    {
        var current = existing.OpenShiftCluster;
        if (current.Properties.ProvisioningState is not (ProvisioningState.Creating or ProvisioningState.Updating) || existing.AsyncOperationId is null
            || !validator.LeadsTo(version, id, body, current))
        {
            return null;
        }

        return await operations.GetAsync(existing.AsyncOperationId, cancellationToken).ConfigureAwait(false);
    }

    private static OpenShiftClusterDocument NewDocument(ResourceId id) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Key = id.Key,
        PartitionKey = id.PartitionKey,
        OpenShiftCluster = ClusterRequestValidator.NewCluster(id),
    };

    /// <summary>PATCH: <c>tags</c> replaces the whole tag set; everything else is an RFC 7396 merge.</summary>
    private static JObject Merge(JObject current, JObject patch)
    {
        var merged = (JObject)JsonMergePatch.Apply(current, patch);
        if (patch.TryGetValue("tags", out var tags))
        {
            merged["tags"] = tags.DeepClone();
        }

        return merged;
    }

    private static void ApplySystemData(OpenShiftCluster cluster, SystemData? header, bool created)
    {
        if (header is null)
        {
            return;
        }

        var systemData = cluster.SystemData ??= new SystemData();
        if (created)
        {
            systemData.CreatedBy = header.CreatedBy;
            systemData.CreatedByType = header.CreatedByType;
            systemData.CreatedAt = header.CreatedAt;
        }

        systemData.LastModifiedBy = header.LastModifiedBy ?? header.CreatedBy;
        systemData.LastModifiedByType = header.LastModifiedByType ?? header.CreatedByType;
        systemData.LastModifiedAt = header.LastModifiedAt ?? header.CreatedAt;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PUT of {ResourceId} changes nothing: answered at once, no operation")]
    private static partial void LogUnchanged(ILogger logger, string resourceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} accepted for {ResourceId}: {ProvisioningState}, operation {OperationId}")]
    private static partial void LogAccepted(ILogger logger, string method, string resourceId, string provisioningState, string? operationId);
}
