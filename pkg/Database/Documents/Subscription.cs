using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>The body of ARM's subscription lifecycle notification; unknown fields are kept.</summary>
public sealed class Subscription : Extensible
{
    [JsonProperty("state")]
    public string State { get; set; } = SubscriptionStates.Registered;

    [JsonProperty("registrationDate", NullValueHandling = NullValueHandling.Ignore)]
    public string? RegistrationDate { get; set; }

    [JsonProperty("properties", NullValueHandling = NullValueHandling.Ignore)]
    public SubscriptionProperties? Properties { get; set; }
}
