using Rp.Database.Documents;

namespace Rp.Frontend.Quotas;

/// <summary>The limits that apply to one subscription: its override where it has one, else the configured defaults. 0: no limit.</summary>
internal sealed record QuotaLimits(int MaxClusters, int MaxVCpusPerRegion)
{
    public bool IsUnlimited => MaxClusters <= 0 && MaxVCpusPerRegion <= 0;

    public static QuotaLimits Of(SubscriptionDocument? subscription, QuotaOptions defaults) => new(
        subscription?.Quota?.MaxClusters ?? defaults.MaxClustersPerSubscription,
        subscription?.Quota?.MaxVCpusPerRegion ?? defaults.MaxVCpusPerRegion);
}
