using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Queue;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>GET /admin/queue</c>: how many messages wait, how old the oldest is, and how many have been
/// delivered <c>Backend:MaxDequeueCount</c> times or more (their next delivery fails their
/// documents). On a storage queue the last two come from the messages one peek shows
/// (<c>examined</c>).
/// </summary>
internal sealed class AdminQueueGet(IWorkQueue queue, TimeProvider time, IOptions<DequeueLimitOptions> options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var maxDequeueCount = options.Value.MaxDequeueCount;
        var status = await queue.GetStatusAsync(maxDequeueCount, context.RequestAborted).ConfigureAwait(false);
        var body = new JObject
        {
            ["depth"] = status.Depth,
            ["oldestMessageInsertedOn"] = status.OldestInsertedOn,
            ["oldestMessageAgeSeconds"] = status.OldestInsertedOn is { } inserted ? Math.Max(0, (time.GetUtcNow() - inserted).TotalSeconds) : null,
            ["pastDequeueLimit"] = status.PastDequeueLimit,
            ["maxDequeueCount"] = maxDequeueCount,
            ["examined"] = status.Examined,
        };
        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }
}
