using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Frontend.Json;

namespace Rp.Frontend.Preflight;

/// <summary>The body of every preflight answer: <c>{"status":"Succeeded"}</c> or <c>{"status":"Failed","error":{...}}</c>.</summary>
internal static class PreflightResults
{
    public static JObject Succeeded() => new() { ["status"] = "Succeeded" };

    public static JObject Failed(CloudErrorBody error) => new() { ["status"] = "Failed", ["error"] = ArmJson.FromObject(error) };

    /// <summary>One failure as it is; several as one <c>MultipleErrorsOccurred</c> with each in <c>details</c>.</summary>
    public static CloudErrorBody Combine(IReadOnlyList<CloudErrorBody> failures) => failures.Count == 1
        ? failures[0]
        : new CloudErrorBody(CloudErrorCodes.MultipleErrorsOccurred, $"{failures.Count} resources of the deployment are invalid: see details.") { Details = [.. failures] };
}
