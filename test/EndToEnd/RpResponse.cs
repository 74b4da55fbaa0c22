using System.Net;
using System.Text.Json.Nodes;

namespace Rp.EndToEnd.Tests;

/// <summary>One answer of the RP: status, the headers the ARM contract cares about, and the body.</summary>
public sealed record RpResponse(HttpStatusCode StatusCode, string Body, string? AsyncOperation, string? Location)
{
    /// <summary>The body as JSON (an empty object when there is none).</summary>
    public JsonNode Json => Body.Length == 0 ? new JsonObject() : JsonNode.Parse(Body) ?? new JsonObject();

    public string? ProvisioningState => Json["properties"]?["provisioningState"]?.GetValue<string>();

    /// <summary>The <c>status</c> of an async-operation status resource.</summary>
    public string? Status => Json["status"]?.GetValue<string>();

    public override string ToString() => $"{(int)StatusCode} {Body}";
}
