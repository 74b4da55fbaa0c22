using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

public sealed class SubscriptionProperties : Extensible
{
    [JsonProperty("tenantId", NullValueHandling = NullValueHandling.Ignore)]
    public string? TenantId { get; set; }
}
