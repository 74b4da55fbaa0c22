using System.Net;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Provider;

/// <summary><c>GET /providers/RedHat.OpenShift/operations</c>.</summary>
[Collection(FrontendCollection.Name)]
public sealed class OperationsListTests(FrontendFactory factory) : IDisposable
{
    private readonly ArmClient arm = factory.CreateArmClient();

    public static TheoryData<string> Versions => new(ApiVersionCases.All.Select(v => v.Name));

    public void Dispose() => arm.Dispose();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Operations_ListEveryOperationOfTheProvider(string apiVersion)
    {
        var response = await arm.GetAsync($"/providers/RedHat.OpenShift/operations?api-version={apiVersion}");

        response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Body.Properties().Select(p => p.Name).Should().Equal("value");
        var operations = ((JArray)response.Body["value"]!).Cast<JObject>().ToList();
        operations.Select(o => (string)o["name"]!).Should().BeEquivalentTo(
            "RedHat.OpenShift/openShiftClusters/read",
            "RedHat.OpenShift/openShiftClusters/write",
            "RedHat.OpenShift/openShiftClusters/delete",
            "RedHat.OpenShift/openShiftClusters/listCredentials/action",
            "RedHat.OpenShift/openShiftClusters/listAdminCredentials/action",
            "RedHat.OpenShift/openShiftClusters/credentials/read",
            "RedHat.OpenShift/locations/operationsStatus/read",
            "RedHat.OpenShift/locations/operationResults/read",
            "RedHat.OpenShift/operations/read",
            "RedHat.OpenShift/register/action");
        foreach (var operation in operations)
        {
            ((bool?)operation["isDataAction"]).Should().BeFalse();
            ((string?)operation["origin"]).Should().NotBeNullOrEmpty();
            foreach (var field in new[] { "provider", "resource", "operation", "description" })
            {
                ((string?)operation["display"]?[field]).Should().NotBeNullOrWhiteSpace("{0} has display.{1}", operation["name"], field);
            }
        }
    }
}
