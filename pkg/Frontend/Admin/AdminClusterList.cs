using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database;
using Rp.Database.Documents;

namespace Rp.Frontend.Admin;

/// <summary>
/// <c>GET /admin/providers/RedHat.OpenShift/OpenShiftClusters</c>: every cluster of every
/// subscription, optionally only one subscription's and only one provisioning state's, paged.
/// There is no cross-partition query: the subscriptions come from <see cref="ISubscriptions.ListAllAsync"/>
/// and each one's clusters from a query of its own partition, in subscription id order.
/// </summary>
internal sealed class AdminClusterList(
    ISubscriptions subscriptions,
    IOpenShiftClusters clusters,
    SkipTokens skipTokens,
    TimeProvider time,
    IOptions<FrontendOptions> options)
{
    /// <summary>A selective filter could otherwise read every cluster in one request: a page ends after this many pages' worth.</summary>
    private const int MaxPagesExamined = 10;

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var top = PageSizes.Parse(query["$top"].ToString(), options.Value);
        var state = ParseState(query["provisioningState"].ToString());
        var only = query["subscriptionId"].ToString() is { Length: > 0 } value ? SubscriptionIds.Parse(value) : null;

        // The token is bound to the filters: a token of one listing means nothing to another.
        var scope = $"admin-clusters|{state}|{only}";
        var skipToken = query["$skipToken"].ToString();
        var position = skipToken.Length == 0 ? new Position(null, null) : JsonConvert.DeserializeObject<Position>(skipTokens.Open(scope, skipToken))!;

        var partitions = only is not null
            ? [only]
            : (await subscriptions.ListAllAsync(context.RequestAborted).ConfigureAwait(false)).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        var remaining = partitions.SkipWhile(p => position.SubscriptionId is not null && string.CompareOrdinal(p, position.SubscriptionId) < 0).ToList();

        var items = new List<OpenShiftClusterDocument>();
        Position? next = null;
        var examined = 0;
        for (var i = 0; i < remaining.Count; i++)
        {
            var partition = remaining[i];
            var continuation = partition == position.SubscriptionId ? position.Continuation : null;
            do
            {
                if (items.Count == top || examined >= top * MaxPagesExamined)
                {
                    next = new Position(partition, continuation);
                    break;
                }

                var page = await clusters.ListAsync(partition, ResourceId.SubscriptionPrefix(partition), continuation, top - items.Count, context.RequestAborted).ConfigureAwait(false);
                examined += page.Items.Count;
                items.AddRange(page.Items.Where(d => state is null || d.OpenShiftCluster.Properties.ProvisioningState == state));
                continuation = page.Continuation;
            }
            while (continuation is not null);

            if (next is not null)
            {
                break;
            }
        }

        var now = time.GetUtcNow();
        var result = new JObject { ["value"] = new JArray(items.Select(d => AdminJson.ClusterSummary(d, now))) };
        if (next is not null)
        {
            var link = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?api-version=admin&$skipToken={Uri.EscapeDataString(skipTokens.Seal(scope, JsonConvert.SerializeObject(next)))}&$top={top.ToString(CultureInfo.InvariantCulture)}";
            result["nextLink"] = link + (state is null ? "" : $"&provisioningState={state}") + (only is null ? "" : $"&subscriptionId={only}");
        }

        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
    }

    private static ProvisioningState? ParseState(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var name = Enum.GetNames<ProvisioningState>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<ProvisioningState>(name)
            : throw CloudError.BadRequest(CloudErrorCodes.InvalidParameter, $"provisioningState must be one of {string.Join(", ", Enum.GetNames<ProvisioningState>())}.", "provisioningState");
    }

    /// <summary>Where the next page starts: a subscription, and the continuation within its partition (null: its beginning).</summary>
    private sealed record Position(string? SubscriptionId, string? Continuation);
}
