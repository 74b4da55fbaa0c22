using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Env;

namespace Rp.Frontend.Middleware;

/// <summary>
/// Refuses what the subscription's state does not allow (409 InvalidSubscriptionState). In
/// development mode a write to an unknown subscription is let through as if it were registered;
/// the handler registers it only if it accepts the write (<see cref="SubscriptionRegistration"/>).
/// </summary>
internal sealed class SubscriptionStateMiddleware(RequestDelegate next, SubscriptionStateCache states, IOptions<RpOptions> rpOptions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var access = context.GetEndpoint()?.Metadata.GetMetadata<EndpointPolicy>()?.Access ?? SubscriptionAccess.None;
        if (access == SubscriptionAccess.None || context.GetRouteValue("subscriptionId") is not string subscriptionId)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var id = SubscriptionIds.Parse(subscriptionId);
        var state = await states.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (state is null && access != SubscriptionAccess.Read && rpOptions.Value.Mode == RpMode.Development)
        {
            context.SetUnregisteredSubscription(id);
            state = SubscriptionStates.Registered;
        }

        state ??= SubscriptionStates.Unregistered;
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
}
