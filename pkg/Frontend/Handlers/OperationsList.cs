using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Rp.Api;

namespace Rp.Frontend.Handlers;

/// <summary><c>GET /providers/RedHat.OpenShift/operations</c>: what this provider can be asked to do.</summary>
internal sealed class OperationsList
{
    private static readonly JObject Body = new() { ["value"] = new JArray(ProviderOperations.All.Select(o => o.ToJson())) };

    public Task HandleAsync(HttpContext context) => ArmResponses.WriteJsonAsync(context, StatusCodes.Status200OK, Body);
}
