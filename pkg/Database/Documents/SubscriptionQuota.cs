using Newtonsoft.Json;
using Rp.Api;

namespace Rp.Database.Documents;

/// <summary>An operator's override of the configured quota for one subscription; a null limit keeps the default.</summary>
public sealed class SubscriptionQuota : Extensible
{
    /// <summary>The most clusters the subscription may have; 0: no limit.</summary>
    [JsonProperty("maxClusters", NullValueHandling = NullValueHandling.Ignore)]
    public int? MaxClusters { get; set; }

    /// <summary>The most vCPUs (masters and workers) the subscription's clusters may use in one region; 0: no limit.</summary>
    [JsonProperty("maxVCpusPerRegion", NullValueHandling = NullValueHandling.Ignore)]
    public int? MaxVCpusPerRegion { get; set; }
}
