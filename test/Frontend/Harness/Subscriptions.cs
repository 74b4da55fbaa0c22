using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Harness;

/// <summary>ARM's subscription lifecycle notification.</summary>
public static class Subscriptions
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary>A notification body as ARM sends it, with fields this RP does not know.</summary>
    public static JObject Body(string state) => new()
    {
        ["state"] = state,
        ["registrationDate"] = "Thu, 01 Feb 2024 10:11:12 GMT",
        ["properties"] = new JObject
        {
            ["tenantId"] = TenantId,
            ["locationPlacementId"] = "Internal_2014-09-01",
            ["quotaId"] = "Internal_2014-09-01",
            ["registeredFeatures"] = new JArray(new JObject { ["name"] = "Microsoft.Resources/EUDB", ["state"] = "Registered" }),
        },
        ["managedByTenants"] = new JArray(new JObject { ["tenantId"] = "11111111-2222-3333-4444-555555555555" }),
    };

    public static Task<ArmResponse> PutSubscriptionAsync(this ArmClient arm, string subscriptionId, string state) =>
        arm.PutAsync($"/subscriptions/{subscriptionId}?api-version=2.0", Body(state));
}
