namespace Rp.Frontend.Quotas;

/// <summary>
/// The default quota of every subscription (section <c>Quota</c>); the admin API overrides it per
/// subscription. 0 turns a limit off.
/// </summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Quota";

    /// <summary>The most clusters one subscription may have.</summary>
    public int MaxClustersPerSubscription { get; set; } = 100;

    /// <summary>
    /// The most vCPUs one subscription's clusters may use in one region: masters and every worker
    /// profile, by VM size. The default lets the default number of clusters use 40 vCPUs each.
    /// </summary>
    public int MaxVCpusPerRegion { get; set; } = 4000;
}
