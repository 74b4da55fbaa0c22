using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Quotas;

/// <summary>
/// Quotas before provisioning: a subscription's cluster count and its vCPUs per region, counted
/// from its cluster documents (one partition) plus the reservations of requests that passed the
/// check but may not have written their cluster yet. <see cref="CheckAsync"/> only reads;
/// <see cref="ReserveAsync"/> checks and records a reservation in one ETag-guarded write of the
/// subscription document, so concurrent requests of one subscription see each other and cannot
/// overshoot a limit together. Nothing here needs an HTTP request.
/// </summary>
internal sealed partial class QuotaChecker(
    ISubscriptions subscriptions,
    IOpenShiftClusters clusters,
    TimeProvider time,
    IOptions<QuotaOptions> options,
    ILogger<QuotaChecker> logger)
{
    /// <summary>
    /// How long a reservation counts. A request writes its cluster within this time of reserving or
    /// starts over (<see cref="EnsureCurrent"/>); once written, the reservation keeps covering the
    /// cluster until every frontend's listing shows it (a cluster is counted once, at the larger of
    /// the two). The reservation of a request that failed is withdrawn (<see cref="ReleaseAsync"/>),
    /// that of a deleted cluster too (<see cref="WithdrawAsync"/>); one left by a request that died
    /// stops counting after this.
    /// </summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(2);

    private const int ListPageSize = 500;

    /// <summary>Throws 409 ResourceQuotaExceeded if <paramref name="requested"/> (replacing <paramref name="existing"/>) would exceed a limit; writes nothing.</summary>
    public async Task CheckAsync(ResourceId id, OpenShiftCluster? existing, OpenShiftCluster requested, CancellationToken cancellationToken = default)
    {
        var subscription = await subscriptions.GetAsync(id.PartitionKey, cancellationToken).ConfigureAwait(false);
        var limits = QuotaLimits.Of(subscription, options.Value);
        if (limits.IsUnlimited)
        {
            return;
        }

        var footprint = ClusterFootprint.Of(requested);
        var usage = await UsageAsync(subscription, id, footprint.Location, cancellationToken).ConfigureAwait(false);
        Check(id, limits, usage, existing is null ? null : ClusterFootprint.Of(existing), footprint);
    }

    /// <summary>A request's hold on the quota of <paramref name="id"/>'s subscription, withdrawn when disposed.</summary>
    public QuotaHold NewReservation(ResourceId id) => new(this, id);

    /// <summary>
    /// As <see cref="CheckAsync"/>, then records what the request is about to write in the
    /// subscription document, guarded by its ETag (a concurrent change makes it check again).
    /// Null when no limit applies.
    /// </summary>
    public Task<QuotaReservation?> ReserveAsync(ResourceId id, ClusterFootprint? existing, ClusterFootprint requested, CancellationToken cancellationToken = default) =>
        Retry.OnPreconditionFailedAsync<QuotaReservation?>(
            async ct =>
            {
                var subscription = await subscriptions.GetAsync(id.PartitionKey, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Subscription '{id.SubscriptionId}' has no document: no write gets past the subscription-state middleware without one.");
                var limits = QuotaLimits.Of(subscription, options.Value);
                if (limits.IsUnlimited)
                {
                    return null;
                }

                Check(id, limits, await UsageAsync(subscription, id, requested.Location, ct).ConfigureAwait(false), existing, requested);
                var now = time.GetUtcNow();
                var reservation = new QuotaReservation
                {
                    Id = Guid.NewGuid().ToString(),
                    ClusterKey = id.Key,
                    Location = requested.Location,
                    VCpus = requested.VCpus,
                    ReservedAt = now,
                };
                subscription.QuotaReservations = [.. Current(subscription, now).Where(r => r.ClusterKey != id.Key), reservation];
                await subscriptions.ReplaceAsync(subscription, ct).ConfigureAwait(false);
                return reservation;
            },
            cancellationToken);

    /// <summary>
    /// Called right before the request writes what it reserved: a reservation that has stopped
    /// counting (the request was that slow) no longer keeps others out, so the request starts over.
    /// </summary>
    public void EnsureCurrent(QuotaReservation? reservation)
    {
        if (reservation is not null && time.GetUtcNow() - reservation.ReservedAt >= ReservationLifetime)
        {
            throw new PreconditionFailedException($"The quota reservation {reservation.Id} expired before the request wrote its cluster.");
        }
    }

    /// <summary>
    /// Withdraws the reservation of a request that failed after reserving. Best effort: one that
    /// stays stops counting after <see cref="ReservationLifetime"/>.
    /// </summary>
    public Task ReleaseAsync(ResourceId id, QuotaReservation reservation) =>
        RemoveAsync(id, r => r.Id == reservation.Id);

    /// <summary>
    /// Withdraws every reservation of a cluster being deleted, so that its quota is free as soon as
    /// its document is gone. Best effort, as <see cref="ReleaseAsync"/>.
    /// </summary>
    public Task WithdrawAsync(ResourceId id) => RemoveAsync(id, r => r.ClusterKey == id.Key);

    private async Task RemoveAsync(ResourceId id, Predicate<QuotaReservation> which)
    {
        try
        {
            await Retry.OnPreconditionFailedAsync(async ct =>
            {
                var subscription = await subscriptions.GetAsync(id.PartitionKey, ct).ConfigureAwait(false);
                if (subscription?.QuotaReservations?.RemoveAll(which) > 0)
                {
                    await subscriptions.ReplaceAsync(subscription, ct).ConfigureAwait(false);
                }

                return true;
            }).ConfigureAwait(false);
        }
        catch (DatabaseException e)
        {
            LogWithdrawFailed(logger, id.ToString(), e.Message);
        }
    }

    private static void Check(ResourceId id, QuotaLimits limits, QuotaUsage others, ClusterFootprint? existing, ClusterFootprint requested)
    {
        var exceeded = new List<CloudErrorBody>();
        if (existing is null && limits.MaxClusters > 0 && others.Clusters + 1 > limits.MaxClusters)
        {
            exceeded.Add(new CloudErrorBody(
                CloudErrorCodes.ResourceQuotaExceeded,
                $"clusters in the subscription: limit {limits.MaxClusters}, in use {others.Clusters}, requested 1"));
        }

        // Only growth counts: a cluster may always shrink or keep its size, even over a lowered limit.
        var inUse = others.VCpus + (existing?.VCpus ?? 0);
        var added = requested.VCpus - (existing?.VCpus ?? 0);
        if (limits.MaxVCpusPerRegion > 0 && added > 0 && inUse + added > limits.MaxVCpusPerRegion)
        {
            exceeded.Add(new CloudErrorBody(
                CloudErrorCodes.ResourceQuotaExceeded,
                $"vCPUs in region '{requested.Location}': limit {limits.MaxVCpusPerRegion}, in use {inUse}, requested {added} more"));
        }

        if (exceeded.Count > 0)
        {
            var error = new CloudError(409, CloudErrorCodes.ResourceQuotaExceeded, $"The request would exceed the quota of subscription '{id.SubscriptionId}': {string.Join("; ", exceeded.Select(e => e.Message))}.");
            error.Error.Details = exceeded;
            throw error;
        }
    }

    /// <summary>Reservations still counting.</summary>
    private static IEnumerable<QuotaReservation> Current(SubscriptionDocument? subscription, DateTimeOffset now) =>
        subscription?.QuotaReservations?.Where(r => now - r.ReservedAt < ReservationLifetime) ?? [];

    /// <summary>
    /// Every cluster of the subscription but <paramref name="id"/>, each once: as stored, or as a
    /// current reservation says it is about to be, whichever is larger.
    /// </summary>
    private async Task<QuotaUsage> UsageAsync(SubscriptionDocument? subscription, ResourceId id, string location, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, ClusterFootprint>(StringComparer.Ordinal);
        string? continuation = null;
        do
        {
            var page = await clusters.ListAsync(id.PartitionKey, ResourceId.SubscriptionPrefix(id.SubscriptionId), continuation, ListPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var document in page.Items.Where(d => d.Key != id.Key))
            {
                byKey[document.Key] = ClusterFootprint.Of(document.OpenShiftCluster);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        foreach (var reservation in Current(subscription, time.GetUtcNow()).Where(r => r.ClusterKey != id.Key))
        {
            if (!byKey.TryGetValue(reservation.ClusterKey, out var stored) || stored.VCpus < reservation.VCpus)
            {
                byKey[reservation.ClusterKey] = new ClusterFootprint(reservation.Location, reservation.VCpus);
            }
        }

        return new QuotaUsage(byKey.Count, byKey.Values.Where(f => f.Location == location).Sum(f => f.VCpus));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not withdraw a quota reservation of {ResourceId} (it lapses by itself): {Reason}")]
    private static partial void LogWithdrawFailed(ILogger logger, string resourceId, string reason);
}
