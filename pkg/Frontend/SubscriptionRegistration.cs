using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend;

/// <summary>
/// Development mode registers an unknown subscription on its first write. The state middleware
/// lets such a write through and marks it (<see cref="HttpContextItems.SetUnregisteredSubscription"/>);
/// the handler calls <see cref="EnsureAsync"/> right before its first write, once everything else
/// is checked, so that a refused request registers nothing.
/// </summary>
internal sealed partial class SubscriptionRegistration(ISubscriptions subscriptions, ILogger<SubscriptionRegistration> logger)
{
    public async Task EnsureAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.GetUnregisteredSubscription() is not { } id)
        {
            return;
        }

        try
        {
            await subscriptions.CreateAsync(
                new SubscriptionDocument
                {
                    Id = id,
                    PartitionKey = id,
                    Subscription = new Subscription { State = SubscriptionStates.Registered },
                },
                cancellationToken).ConfigureAwait(false);
            LogRegistered(logger, id);
        }
        catch (ConflictException)
        {
            // Registered meanwhile, by a concurrent write or ARM's notification: either way it exists now.
        }

        context.SetUnregisteredSubscription(null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: registered unknown subscription {SubscriptionId} on first use")]
    private static partial void LogRegistered(ILogger logger, string subscriptionId);
}
