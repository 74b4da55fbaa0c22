using System.Net;
using FluentAssertions;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Provider;

/// <summary>The api-version rules, on every route.</summary>
[Collection(FrontendCollection.Name)]
public sealed class ApiVersionTests(FrontendFactory factory) : IDisposable
{
    private const string BothVersions = "2019-12-31-preview, 2020-04-30";

    private static readonly ClusterRef Cluster = new("5f0c1ba7-0a4c-4bd6-9d3e-3d3b7e1f2a10", "rg", "cluster");

    private static readonly string Locations = $"/subscriptions/{Cluster.SubscriptionId}/providers/RedHat.OpenShift/locations/eastus";

    private readonly ArmClient arm = factory.CreateArmClient();

    private static readonly (string Name, string Method, string Path, string Supported)[] AllRoutes =
    [
        ("GET cluster", "GET", Cluster.Id, BothVersions),
        ("PUT cluster", "PUT", Cluster.Id, BothVersions),
        ("PATCH cluster", "PATCH", Cluster.Id, BothVersions),
        ("DELETE cluster", "DELETE", Cluster.Id, BothVersions),
        ("list by resource group", "GET", Cluster.ResourceGroupList, BothVersions),
        ("list by subscription", "GET", Cluster.SubscriptionList, BothVersions),
        ("POST listCredentials", "POST", Cluster.Id + "/listCredentials", BothVersions),
        ("POST listAdminCredentials", "POST", Cluster.Id + "/listAdminCredentials", "2020-04-30"),
        ("GET credentials", "GET", Cluster.Id + "/credentials", "2019-12-31-preview"),
        ("operationsStatus", "GET", $"{Locations}/operationsStatus/{Guid.Empty}", BothVersions),
        ("operationResults", "GET", $"{Locations}/operationResults/{Guid.Empty}", BothVersions),
        ("operations list", "GET", "/providers/RedHat.OpenShift/operations", BothVersions),
        ("subscription notification", "PUT", $"/subscriptions/{Cluster.SubscriptionId}", "2.0"),
    ];

    /// <summary>Case, method, path without a query.</summary>
    public static TheoryData<string, string, string> Routes
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var route in AllRoutes)
            {
                data.Add(route.Name, route.Method, route.Path);
            }

            return data;
        }
    }

    /// <summary>Case, method, path without a query, the api-versions the route serves.</summary>
    public static TheoryData<string, string, string, string> RoutesWithVersions
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var route in AllRoutes)
            {
                data.Add(route.Name, route.Method, route.Path, route.Supported);
            }

            return data;
        }
    }

    public void Dispose() => arm.Dispose();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_WithoutApiVersion_Returns400MissingApiVersionParameter(string name, string method, string path)
    {
        var response = await arm.SendAsync(new HttpMethod(method), path, content: null);

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "MissingApiVersionParameter", testCase: name);
        ((string?)response.Body["error"]!["message"]).Should().Contain("api-version", "{0} names the parameter", name);
    }

    [Theory]
    [MemberData(nameof(RoutesWithVersions))]
    public async Task Request_WithUnsupportedApiVersion_Returns400ListingTheSupportedOnes(string name, string method, string path, string supported)
    {
        var response = await arm.SendAsync(new HttpMethod(method), $"{path}?api-version=2000-01-01", content: null);

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, "InvalidApiVersionParameter", testCase: name);
        ((string?)response.Body["error"]!["message"]).Should().Contain($"'{supported}'", "{0} lists what it serves", name);
    }

    [Theory]
    [InlineData("empty", "", "MissingApiVersionParameter")]
    [InlineData("the subscription notification's version", "2.0", "InvalidApiVersionParameter")]
    [InlineData("a preview spelled without its suffix", "2019-12-31", "InvalidApiVersionParameter")]
    public async Task ClusterGet_WithApiVersionItDoesNotServe_Returns400(string name, string apiVersion, string code)
    {
        var response = await arm.GetAsync($"{Cluster.Id}?api-version={apiVersion}");

        response.ShouldBeCloudError(HttpStatusCode.BadRequest, code, testCase: name);
    }

    [Fact]
    public async Task ClusterGet_ApiVersionInOtherCase_IsAccepted()
    {
        var response = await arm.GetAsync($"{Cluster.Id}?api-version=2019-12-31-PREVIEW");

        response.ShouldBeCloudError(HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
