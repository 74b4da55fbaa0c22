using Newtonsoft.Json.Linq;
using Rp.Api;
using Rp.Database.Documents;

namespace Rp.Database.Tests.Conformance;

/// <summary>Valid documents with fresh ids, for tests of any store.</summary>
public static class TestDocuments
{
    public static string NewSubscriptionId() => Guid.NewGuid().ToString();

    public static OpenShiftClusterDocument Cluster(string subscriptionId, string resourceGroup = "rg", string? name = null)
    {
        var resourceId = new ResourceId(subscriptionId, resourceGroup, name ?? "cluster-" + Guid.NewGuid().ToString("N")[..8]);
        return new OpenShiftClusterDocument
        {
            Id = Guid.NewGuid().ToString(),
            PartitionKey = resourceId.PartitionKey,
            Key = resourceId.Key,
            Unqueued = true,
            AsyncOperationId = Guid.NewGuid().ToString(),
            OpenShiftCluster = new OpenShiftCluster
            {
                Id = resourceId.ToString(),
                Name = resourceId.Name,
                Location = "eastus",
                Tags = new Dictionary<string, string> { ["env"] = "test" },
                Properties = new OpenShiftClusterProperties
                {
                    ProvisioningState = ProvisioningState.Creating,
                    ClusterProfile = new ClusterProfile { Domain = "example-domain", Version = "4.15.0", PullSecret = new Secret("{\"auths\":{\"registry\":{\"auth\":\"cHVsbA==\"}}}") },
                    ServicePrincipalProfile = new ServicePrincipalProfile { ClientId = Guid.NewGuid().ToString(), ClientSecret = new Secret("client-secret-value") },
                    WorkerProfiles = [new WorkerProfile { Name = "worker", VmSize = "Standard_D4s_v3", DiskSizeGB = 128, Count = 3 }],
                },
            },
        };
    }

    public static SubscriptionDocument Subscription(string? subscriptionId = null)
    {
        var id = (subscriptionId ?? NewSubscriptionId()).ToLowerInvariant();
        return new SubscriptionDocument
        {
            Id = id,
            PartitionKey = id,
            Subscription = new Subscription
            {
                State = SubscriptionStates.Registered,
                RegistrationDate = "Mon, 01 Jan 2024 00:00:00 GMT",
                Properties = new SubscriptionProperties { TenantId = Guid.NewGuid().ToString() },
            },
        };
    }

    public static AsyncOperationDocument AsyncOperation(string? clusterKey = null)
    {
        var id = Guid.NewGuid().ToString();
        return new AsyncOperationDocument
        {
            Id = id,
            PartitionKey = id,
            OpenShiftClusterKey = clusterKey ?? new ResourceId(NewSubscriptionId(), "rg", "cluster").Key,
            InitialProvisioningState = ProvisioningState.Creating,
            AsyncOperation = new AsyncOperation
            {
                Id = $"/subscriptions/{NewSubscriptionId()}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{id}",
                Name = id,
                Status = ProvisioningState.Creating,
                StartTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            },
        };
    }

    public static LeaseDocument Lease(string? id = null)
    {
        var leaseId = id ?? "lease-" + Guid.NewGuid().ToString("N");
        return new LeaseDocument { Id = leaseId, PartitionKey = leaseId };
    }

    /// <summary>Fields no binary knows yet, of every JSON shape.</summary>
    public static Dictionary<string, JToken> UnknownFields(string name) => new()
    {
        [name + "Object"] = JObject.Parse("""{"nested":{"list":[1,"two",{"three":3.5}],"flag":true,"nothing":null}}"""),
        [name + "Array"] = JArray.Parse("""[{"a":1},{"b":[2]}]"""),
        [name + "String"] = "value",
        [name + "Number"] = 12345678901234,
    };

    public static string Json(IDictionary<string, JToken>? fields) =>
        fields is null ? "null" : new JObject(fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new JProperty(f.Key, f.Value))).ToString(Newtonsoft.Json.Formatting.None);
}
