using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Quotas;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>PUT /admin/subscriptions/{id}/quota</c> with <c>{"maxClusters": n, "maxVCpusPerRegion": n}</c>:
/// replaces the subscription's quota override (a missing or null limit: the configured default;
/// 0: no limit). Stored in the subscription document, so every frontend applies it at once.
/// Idempotent. The subscription must exist: ARM registers subscriptions, operators do not.
/// </summary>
internal sealed partial class AdminSubscriptionQuotaPut(ISubscriptions subscriptions, IOptions<QuotaOptions> quota, ILogger<AdminSubscriptionQuotaPut> logger)
{
    private static readonly string[] Limits = ["maxClusters", "maxVCpusPerRegion"];

    public async Task HandleAsync(HttpContext context)
    {
        var id = SubscriptionIds.Parse((string)context.GetRouteValue("subscriptionId")!);
        var body = context.GetObjectBody();
        var unknown = body.Properties().FirstOrDefault(p => !Limits.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"'{unknown.Name}' is not a quota limit; the limits are {string.Join(", ", Limits)}.", unknown.Name);
        }

        var limits = new SubscriptionQuota { MaxClusters = Limit(body, Limits[0]), MaxVCpusPerRegion = Limit(body, Limits[1]) };
        var document = await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var document = await subscriptions.GetAsync(id, ct).ConfigureAwait(false)
                    ?? throw new CloudError(404, CloudErrorCodes.NotFound, $"The subscription '{id}' is not registered with the resource provider.");
                document.Quota = limits.MaxClusters is null && limits.MaxVCpusPerRegion is null ? null : limits;
                return await subscriptions.ReplaceAsync(document, ct).ConfigureAwait(false);
            },
            context.RequestAborted).ConfigureAwait(false);

        LogQuota(logger, id, limits.MaxClusters, limits.MaxVCpusPerRegion);
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, AdminJson.Subscription(document, quota.Value)).ConfigureAwait(false);
    }

    private static int? Limit(JObject body, string name)
    {
        var value = body.GetValue(name, StringComparison.OrdinalIgnoreCase);
        return value?.Type switch
        {
            null or JTokenType.Null => null,
            JTokenType.Integer when value.Value<long>() is >= 0 and <= int.MaxValue => value.Value<int>(),
            _ => throw CloudError.InvalidParameter(name, $"'{name}' must be a whole number from 0 (no limit) to {int.MaxValue}, or null (the default)."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin: quota override of subscription {SubscriptionId} set to maxClusters={MaxClusters} maxVCpusPerRegion={MaxVCpusPerRegion}")]
    private static partial void LogQuota(ILogger logger, string subscriptionId, int? maxClusters, int? maxVCpusPerRegion);
}
