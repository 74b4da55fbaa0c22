using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rp.Database;
using Rp.Frontend.Quotas;

namespace Rp.Frontend.Admin;

/// <summary><c>GET /admin/subscriptions</c>: every subscription with its state, quota override and the limits that apply, in id order, paged.</summary>
internal sealed class AdminSubscriptionList(ISubscriptions subscriptions, SkipTokens skipTokens, IOptions<FrontendOptions> options, IOptions<QuotaOptions> quota)
{
    private const string Scope = "admin-subscriptions";

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var top = PageSizes.Parse(query["$top"].ToString(), options.Value);
        var skipToken = query["$skipToken"].ToString();
        var after = skipToken.Length == 0 ? null : skipTokens.Open(Scope, skipToken);

        var all = (await subscriptions.ListAllAsync(context.RequestAborted).ConfigureAwait(false))
            .Where(s => after is null || string.CompareOrdinal(s.Id, after) > 0)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var page = all.Take(top).ToList();
        var result = new JObject { ["value"] = new JArray(page.Select(s => AdminJson.Subscription(s, quota.Value))) };
        if (all.Count > top)
        {
            result["nextLink"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?api-version=admin&$skipToken={Uri.EscapeDataString(skipTokens.Seal(Scope, page[^1].Id))}&$top={top.ToString(CultureInfo.InvariantCulture)}";
        }

        await ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
    }
}
