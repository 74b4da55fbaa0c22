using System.Net;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Provider;

/// <summary>What matches no route still gets a CloudError.</summary>
[Collection(FrontendCollection.Name)]
public sealed class RoutingTests(FrontendFactory factory) : IDisposable
{
    private static readonly ClusterRef Cluster = new("6a3e6d0e-7d3c-4f7a-9a57-0d8f3f1b9c21", "rg", "cluster");

    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string, string, string> UnknownRoutes => new()
    {
        { "root", "GET", "/" },
        { "unknown top-level path", "GET", "/foo?api-version=2020-04-30" },
        { "unknown resource type", "GET", $"/subscriptions/{Cluster.SubscriptionId}/resourceGroups/rg/providers/RedHat.OpenShift/otherTypes/x?api-version=2020-04-30" },
        { "another provider's operations", "GET", "/providers/Microsoft.Compute/operations?api-version=2020-04-30" },
        { "unknown cluster action", "POST", $"{Cluster.Id}/restart?api-version=2020-04-30" },
        { "too deep below a cluster", "GET", $"{Cluster.Id}/a/b?api-version=2020-04-30" },
    };

    public static TheoryData<string, string, string> WrongMethods => new()
    {
        { "POST on a cluster", "POST", $"{Cluster.Id}?api-version=2020-04-30" },
        { "PUT on a list", "PUT", $"{Cluster.ResourceGroupList}?api-version=2020-04-30" },
        { "DELETE on the operations list", "DELETE", "/providers/RedHat.OpenShift/operations?api-version=2020-04-30" },
        { "GET on listCredentials", "GET", $"{Cluster.Id}/listCredentials?api-version=2020-04-30" },
        { "DELETE on operationsStatus", "DELETE", $"/subscriptions/{Cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus/operationsStatus/{Guid.Empty}?api-version=2020-04-30" },
        { "GET on the subscription notification", "GET", $"/subscriptions/{Cluster.SubscriptionId}?api-version=2.0" },
    };

    public void Dispose() => arm.Dispose();

    [Theory]
    [MemberData(nameof(UnknownRoutes))]
    public async Task Request_UnknownRoute_Returns404CloudError(string name, string method, string url)
    {
        var response = await arm.SendAsync(new HttpMethod(method), url, content: null);

        response.ShouldBeCloudError(HttpStatusCode.NotFound, "NotFound", testCase: name);
    }

    [Theory]
    [MemberData(nameof(WrongMethods))]
    public async Task Request_WrongMethod_Returns405CloudError(string name, string method, string url)
    {
        var response = await arm.SendAsync(new HttpMethod(method), url, content: null);

        response.ShouldBeCloudError(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", testCase: name);
    }
}
