using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Rp.Database.Documents;
using Rp.Frontend.Quotas;

namespace Rp.Frontend.Admin;

/// <summary>
/// What the admin API shows of stored documents: their internal form (the database's field names),
/// with every secret redacted and every absent value written as null, so an operator sees which
/// secrets a cluster has without seeing any.
/// </summary>
internal static class AdminJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver
        {
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        },
        Converters = { new StringEnumConverter(), new RedactedSecretConverter() },
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 64,
    });

    public static JToken FromObject(object? value) => value is null ? JValue.CreateNull() : JToken.FromObject(value, Serializer);

    /// <summary>A cluster at a glance: state, lease, delivery count, install checkpoint, last outcome.</summary>
    public static JObject ClusterSummary(OpenShiftClusterDocument document, DateTimeOffset now)
    {
        var properties = document.OpenShiftCluster.Properties;
        return new JObject
        {
            ["id"] = document.OpenShiftCluster.Id,
            ["location"] = document.OpenShiftCluster.Location,
            ["provisioningState"] = properties.ProvisioningState.ToString(),
            ["failedProvisioningState"] = properties.FailedProvisioningState?.ToString(),
            ["asyncOperationId"] = document.AsyncOperationId,
            ["unqueued"] = document.Unqueued,
            ["lease"] = document.LeaseOwner is null
                ? JValue.CreateNull()
                : new JObject { ["owner"] = document.LeaseOwner, ["expires"] = document.LeaseExpires, ["live"] = document.LeaseExpires > now },
            ["dequeueCount"] = document.DequeueCount,
            ["installCheckpoint"] = FromObject(properties.Install),
            ["lastOperation"] = FromObject(document.LastOperation),
        };
    }

    /// <summary>A subscription: its state as ARM last notified it, its quota override and the limits that apply.</summary>
    public static JObject Subscription(SubscriptionDocument document, QuotaOptions defaults)
    {
        var limits = QuotaLimits.Of(document, defaults);
        return new JObject
        {
            ["id"] = document.Id,
            ["state"] = document.Subscription.State,
            ["deleting"] = document.Deleting == true,
            ["quota"] = FromObject(document.Quota),
            ["limits"] = new JObject { ["maxClusters"] = limits.MaxClusters, ["maxVCpusPerRegion"] = limits.MaxVCpusPerRegion },
        };
    }
}
