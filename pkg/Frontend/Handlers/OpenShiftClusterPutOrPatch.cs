using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Database.Serialization;
using Rp.Frontend.Json;

namespace Rp.Frontend.Handlers;

/// <summary>
/// PUT (create 201 / replace 200) and PATCH (tags only: 200 at once; otherwise 202) of a cluster.
/// Writes the document with a non-terminal state and an async operation, and never waits for the
/// backend. Everything that can refuse the request is checked before the first write; property
/// names are matched ignoring case, as everywhere.
/// </summary>
internal sealed partial class OpenShiftClusterPutOrPatch(
    IOpenShiftClusters clusters,
    IAsyncOperations operations,
    DocumentSerializer serializer,
    ClusterPlacement placement,
    SubscriptionRegistration registration,
    TimeProvider time,
    IOptions<FrontendOptions> options,
    ILogger<OpenShiftClusterPutOrPatch> logger)
{
    private const string TagsProperty = "tags";
    private const string EtagProperty = "etag";

    public async Task HandleAsync(HttpContext context)
    {
        var isPatch = HttpMethods.IsPatch(context.Request.Method);
        var id = context.ClusterId();
        var version = context.GetApiVersion();
        var body = context.GetObjectBody();
        body.Property(EtagProperty, StringComparison.OrdinalIgnoreCase)?.Remove();
        var systemData = context.SystemData();
        var correlation = context.Correlation();
        var urls = AsyncOperationUrls.Of(context);
        var tagsOnly = isPatch && body.Properties().All(p => p.Name.Equals(TagsProperty, StringComparison.OrdinalIgnoreCase));
        AsyncOperationDocument? operation = null;
        var created = false;

        var document = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
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
                    if (!isPatch && await RunningOperationOfSamePutAsync(version, body, existing, ct).ConfigureAwait(false) is { } running)
                    {
                        operation = running;
                        created = running.InitialProvisioningState == ProvisioningState.Creating;
                        return existing;
                    }

                    throw new CloudError(409, CloudErrorCodes.AnotherOperationInProgress, $"Cannot {context.Request.Method} the resource while it is {existing.OpenShiftCluster.Properties.ProvisioningState}: another operation is in progress.");
                }

                created = existing is null;
                var doc = existing ?? NewDocument(id);
                var cluster = doc.OpenShiftCluster;
                var request = isPatch ? Merge(ClusterRepresentation.Render(version, doc), body) : body;
                version.ClusterToInternal(request, created ? null : cluster, cluster);
                if (!isPatch)
                {
                    // The casing of the most recent PUT is the one returned.
                    cluster.Id = id.ToString();
                    cluster.Name = id.Name;
                }

                if (created)
                {
                    placement.Validate(id, cluster.Location);
                }

                ApplySystemData(cluster, systemData, created);
                await registration.EnsureAsync(context, ct).ConfigureAwait(false);
                if (tagsOnly)
                {
                    doc.ResourceETag = OpenShiftClusterDocument.NewResourceETag();
                    return await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
                }

                var state = created || (cluster.Properties.ProvisioningState == ProvisioningState.Failed && cluster.Properties.FailedProvisioningState == ProvisioningState.Creating)
                    ? ProvisioningState.Creating
                    : ProvisioningState.Updating;
                if (operation is null || operation.InitialProvisioningState != state || operation.OpenShiftClusterKey != id.Key)
                {
                    operation = await operations.CreateAsync(AsyncOperationDocument.Start(id, doc.Id, cluster.Location, state, time.GetUtcNow()), ct).ConfigureAwait(false);
                }

                doc.BeginOperation(operation.Id, state, correlation);
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

        LogAccepted(logger, context.Request.Method, id.ToString(), document.OpenShiftCluster.Properties.ProvisioningState.ToString(), operation?.Id);
        if (document.ResourceETag is not null)
        {
            context.Response.Headers.ETag = document.ResourceETag;
        }

        if (operation is null)
        {
            await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, ClusterRepresentation.Render(version, document)).ConfigureAwait(false);
            return;
        }

        urls.SetHeaders(context, id, document.OpenShiftCluster.Location, operation, withLocation: isPatch, options.Value.RetryAfterSeconds);
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
    private async Task<AsyncOperationDocument?> RunningOperationOfSamePutAsync(IApiVersion version, JObject body, OpenShiftClusterDocument existing, CancellationToken cancellationToken)
    {
        var current = existing.OpenShiftCluster;
        if (current.Properties.ProvisioningState is not (ProvisioningState.Creating or ProvisioningState.Updating) || existing.AsyncOperationId is null)
        {
            return null;
        }

        var replayed = serializer.Deserialize<OpenShiftCluster>(serializer.Serialize(current));
        try
        {
            version.ClusterToInternal(body, replayed, replayed);
        }
        catch (CloudError)
        {
            return null;
        }

        var same = JToken.DeepEquals(version.ClusterToExternal(replayed), version.ClusterToExternal(current))
            && Equals(replayed.Properties.ClusterProfile.PullSecret, current.Properties.ClusterProfile.PullSecret)
            && Equals(replayed.Properties.ServicePrincipalProfile.ClientSecret, current.Properties.ServicePrincipalProfile.ClientSecret);
        return same ? await operations.GetAsync(existing.AsyncOperationId, cancellationToken).ConfigureAwait(false) : null;
    }

    private static OpenShiftClusterDocument NewDocument(ResourceId id) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Key = id.Key,
        PartitionKey = id.PartitionKey,
        OpenShiftCluster = new OpenShiftCluster { Id = id.ToString(), Name = id.Name, Type = OpenShiftCluster.ResourceType },
    };

    /// <summary>PATCH: <c>tags</c> replaces the whole tag set; everything else is an RFC 7396 merge.</summary>
    private static JObject Merge(JObject current, JObject patch)
    {
        var merged = (JObject)JsonMergePatch.Apply(current, patch);
        if (patch.GetValue(TagsProperty, StringComparison.OrdinalIgnoreCase) is { } tags)
        {
            merged.Property(TagsProperty, StringComparison.OrdinalIgnoreCase)?.Remove();
            if (tags.Type != JTokenType.Null)
            {
                merged[TagsProperty] = tags.DeepClone();
            }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} accepted for {ResourceId}: {ProvisioningState}, operation {OperationId}")]
    private static partial void LogAccepted(ILogger logger, string method, string resourceId, string provisioningState, string? operationId);
}
