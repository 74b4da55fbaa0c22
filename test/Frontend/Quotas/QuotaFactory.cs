using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Quotas;

/// <summary>The frontend alone with small default quotas: <see cref="MaxClusters"/> clusters per subscription, <see cref="MaxVCpus"/> vCPUs per region.</summary>
public sealed class QuotaFactory : RpFactory
{
    public const int MaxClusters = 3;
    public const int MaxVCpus = 100;

    public QuotaFactory()
        : this(null)
    {
    }

    /// <summary>With other settings too (a database, say).</summary>
    internal QuotaFactory(IReadOnlyDictionary<string, string>? settings)
        : base(fullPipeline: false, Settings(settings))
    {
    }

    private static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Quota:MaxClustersPerSubscription"] = MaxClusters.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Quota:MaxVCpusPerRegion"] = MaxVCpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
