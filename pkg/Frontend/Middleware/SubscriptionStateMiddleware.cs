using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Env;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Refuses what the subscription's state does not allow (409 InvalidSubscriptionState). In
/// development mode an unknown subscription is registered on its first write.
/// </summary>
internal sealed partial class SubscriptionStateMiddleware(RequestDelegate next, ISubscriptions subscriptions, SubscriptionStateCache states, IOptions<RpOptions> rpOptions, ILogger<SubscriptionStateMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var access = context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>()?.Access ?? SubscriptionAccess.None;
        if (access == SubscriptionAccess.None || context.GetRouteValue("subscriptionId") is not string subscriptionId)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var state = await states.GetAsync(subscriptionId.ToLowerInvariant(), context.RequestAborted).ConfigureAwait(false);
        var development = rpOptions.Value.Mode == RpMode.Development;
        if (state is null && access is (SubscriptionAccess.Write or SubscriptionAccess.Delete) && development)
        {
            state = (await RegisterAsync(subscriptionId, context.RequestAborted).ConfigureAwait(false)).Subscription.State;
        }

        state ??= access == SubscriptionAccess.Validate && development ? SubscriptionStates.Registered : SubscriptionStates.Unregistered;
        if (!Allows(state, access))
        {
            throw new CloudError(409, CloudErrorCodes.InvalidSubscriptionState, $"Request is not allowed in subscription in state '{state}'.");
        }

        await next(context).ConfigureAwait(false);
    }

    internal static bool Allows(string state, SubscriptionAccess access) => state switch
    {
        SubscriptionStates.Registered => true,
        SubscriptionStates.Warned or SubscriptionStates.Suspended => access is SubscriptionAccess.Read or SubscriptionAccess.Delete,
        SubscriptionStates.Deleted => false,
        _ => access == SubscriptionAccess.Read,
    };

    private async Task<SubscriptionDocument> RegisterAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = subscriptionId.ToLowerInvariant();
        try
        {
            var created = await subscriptions.CreateAsync(
                new SubscriptionDocument
                {
                    Id = id,
                    PartitionKey = id,
                    Subscription = new Subscription { State = SubscriptionStates.Registered },
                },
                cancellationToken).ConfigureAwait(false);
            LogRegistered(logger, subscriptionId);
            return created;
        }
        catch (ConflictException)
        {
            return await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The subscription vanished while it was being registered.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: registered unknown subscription {SubscriptionId} on first use")]
    private static partial void LogRegistered(ILogger logger, string subscriptionId);
}
