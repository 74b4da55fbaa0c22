using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;
using Rp.Frontend.Json;

namespace Rp.Frontend.Handlers;

/// <summary>
/// ARM's subscription lifecycle notification (<c>PUT /subscriptions/{id}?api-version=2.0</c>):
/// idempotent, the latest state wins, unknown fields kept, the body never logged. A Deleted
/// subscription is marked for the backend to delete every cluster in it.
/// </summary>
internal sealed partial class SubscriptionPut(ISubscriptions subscriptions, ILogger<SubscriptionPut> logger)
{
    private static readonly HashSet<string> KnownStates = new(StringComparer.Ordinal)
    {
        SubscriptionStates.Registered, SubscriptionStates.Warned, SubscriptionStates.Suspended, SubscriptionStates.Deleted, SubscriptionStates.Unregistered,
    };

    public async Task HandleAsync(HttpContext context)
    {
        var id = SubscriptionIds.Parse(context.GetRouteValue("subscriptionId") as string);

        var body = context.GetObjectBody();
        Subscription subscription;
        try
        {
            subscription = body.ToObject<Subscription>(JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None }))
                ?? throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, "The request body must be a subscription.");
        }
        catch (JsonException)
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidRequestContent, "The request body is not a valid subscription.");
        }

        if (body.GetValue("state", StringComparison.OrdinalIgnoreCase)?.Type != JTokenType.String || !KnownStates.Contains(subscription.State))
        {
            throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"The subscription state must be one of {string.Join(", ", KnownStates)}.", "state");
        }

        var created = false;
        await Retry.OnPreconditionFailedAsync(
            async ct =>
            {
                var document = await subscriptions.GetAsync(id, ct).ConfigureAwait(false);
                created = document is null;
                document ??= new SubscriptionDocument { Id = id, PartitionKey = id };
                document.Subscription = subscription;
                document.Deleting = subscription.State == SubscriptionStates.Deleted ? true : null;
                if (!created)
                {
                    return await subscriptions.ReplaceAsync(document, ct).ConfigureAwait(false);
                }

                try
                {
                    return await subscriptions.CreateAsync(document, ct).ConfigureAwait(false);
                }
                catch (ConflictException e)
                {
                    throw new PreconditionFailedException("The subscription was created concurrently.", e);
                }
            },
            context.RequestAborted).ConfigureAwait(false);

        LogState(logger, id, subscription.State);
        await ArmResponses.WriteJsonAsync(context, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} is now {State}")]
    private static partial void LogState(ILogger logger, string subscriptionId, string state);
}
