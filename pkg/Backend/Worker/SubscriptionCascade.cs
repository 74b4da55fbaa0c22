using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Env;

namespace Rp.Backend.Worker;

/// <summary>
/// Deletes every cluster of a subscription that ARM reported Deleted (no per-resource DELETE will
/// come): starts a delete operation on each, which the forwarder and workers then carry out, and
/// clears the subscription's mark once none is left. One active instance, by leader lease.
/// </summary>
internal sealed partial class SubscriptionCascade(
    ISubscriptions subscriptions,
    IOpenShiftClusters clusters,
    IAsyncOperations operations,
    ILeases leases,
    TimeProvider time,
    IOptions<BackendOptions> options,
    ILogger<SubscriptionCascade> logger) : BackgroundService
{
    public const string LeaseName = "subscription-cascade";

    private readonly LeaderLease lease = new(leases, time, LeaseName, InstanceId.New(), options.Value.LeaseDuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await lease.TryAcquireOrRenewAsync(stoppingToken).ConfigureAwait(false))
                    {
                        await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, e);
                }

                await Task.Delay(options.Value.CascadeInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One pass over the subscriptions marked for deletion.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in await subscriptions.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (subscription.Deleting == true)
            {
                await CascadeAsync(subscription, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CascadeAsync(SubscriptionDocument subscription, CancellationToken cancellationToken)
    {
        var remaining = 0;
        string? continuation = null;
        do
        {
            var page = await clusters.ListAsync(subscription.PartitionKey, ResourceId.SubscriptionPrefix(subscription.Id), continuation, 100, cancellationToken).ConfigureAwait(false);
            foreach (var cluster in page.Items)
            {
                remaining++;
                await StartDeleteAsync(cluster.Key, cancellationToken).ConfigureAwait(false);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        if (remaining == 0)
        {
            await ClearMarkAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task StartDeleteAsync(string key, CancellationToken cancellationToken) =>
        Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var doc = await clusters.GetAsync(key, ct).ConfigureAwait(false);
                if (doc is null || doc.OpenShiftCluster.Properties.ProvisioningState == ProvisioningState.Deleting)
                {
                    return false;
                }

                if (!ResourceId.TryParse(doc.OpenShiftCluster.Id, out var id))
                {
                    return false;
                }

                var operation = await operations.CreateAsync(AsyncOperationDocument.Start(id!, doc.Id, doc.OpenShiftCluster.Location, ProvisioningState.Deleting, time.GetUtcNow()), ct).ConfigureAwait(false);
                doc.BeginOperation(operation.Id, ProvisioningState.Deleting, null);
                await clusters.ReplaceAsync(doc, ct).ConfigureAwait(false);
                LogDeleting(logger, doc.Key, operation.Id);
                return true;
            },
            cancellationToken);

    private Task ClearMarkAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var doc = await subscriptions.GetAsync(subscriptionId, ct).ConfigureAwait(false);
                if (doc?.Deleting != true)
                {
                    return false;
                }

                doc.Deleting = null;
                await subscriptions.ReplaceAsync(doc, ct).ConfigureAwait(false);
                LogCleared(logger, subscriptionId);
                return true;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription deleted: deleting {Key} (operation {OperationId})")]
    private static partial void LogDeleting(ILogger logger, string key, string operationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId}: every cluster is deleted")]
    private static partial void LogCleared(ILogger logger, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription cascade pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
