using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using FluentAssertions;
using Rp.EndToEnd.Tests.ArmClient;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.EndToEnd.Tests.ProductionEdge;

/// <summary>
/// The production edge of the real binary, over real TLS: ArmClient drives a cluster through the
/// listener that only ARM's published certificate opens; an operator reads and acts through the
/// admin API with the admin certificate; neither certificate opens the other's routes; a create
/// beyond the subscription's quota is refused with ARM's error shape.
/// </summary>
public sealed class ProductionEdgeTests(ProductionRpFixture fixture) : IClassFixture<ProductionRpFixture>
{
    private const string ArmRoute = "/providers/RedHat.OpenShift/operations?api-version=2020-04-30";
    private const string AdminRoute = "/admin/queue?api-version=admin";

    private readonly string subscriptionId = Guid.NewGuid().ToString();
    private readonly RequestLog log = new();

    public static TheoryData<string, string, string, HttpStatusCode> Refusals => new()
    {
        { "no certificate on an ARM route", "none", ArmRoute, HttpStatusCode.Unauthorized },
        { "a stranger's certificate on an ARM route", "stranger", ArmRoute, HttpStatusCode.Forbidden },
        { "the admin certificate on an ARM route", "admin", ArmRoute, HttpStatusCode.Forbidden },
        { "no certificate on the admin API", "none", AdminRoute, HttpStatusCode.Unauthorized },
        { "ARM's certificate on the admin API", "arm", AdminRoute, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Request_WrongCertificate_RefusedWithACloudErrorAndLogged(string name, string certificate, string path, HttpStatusCode status)
    {
        using var stranger = TestCertificates.SelfSigned("stranger.e2e.test");
        var presented = certificate switch
        {
            "arm" => fixture.Arm,
            "admin" => fixture.Admin,
            "stranger" => stranger,
            _ => null,
        };
        using var client = fixture.CreateHttpClient(presented);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(status, name);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        error!["error"]!["code"]!.GetValue<string>().Should().Be(status == HttpStatusCode.Unauthorized ? "Unauthorized" : "Forbidden", name);
        await fixture.Rp.WaitForOutputAsync($"certificate subject '{presented?.Subject ?? "-"}', thumbprint {presented?.Thumbprint ?? "-"}", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ArmClient_CreateThroughTheAuthenticatedListener_SucceedsAndTheAdminApiSeesIt()
    {
        await RegisterSubscriptionAsync();
        var client = fixture.CreateArmClient(subscriptionId, log);
        var id = ClusterId("edge", "cluster1");

        var create = await client.GetGenericResources().CreateOrUpdateAsync(
            WaitUntil.Completed,
            id,
            new GenericResourceData(new AzureLocation(ClusterBody.Location)) { Properties = ClusterBody.Properties(subscriptionId, "cluster1", workerCount: 3) });

        ClusterBody.ProvisioningState(create.Value.Data.Properties).Should().Be("Succeeded");
        log.Entries.Should().Contain(e => e.Method == "GET" && e.Uri.AbsolutePath.Contains("/operationsStatus/", StringComparison.Ordinal), "the client polled the operation through the same listener");

        using var admin = fixture.CreateHttpClient(fixture.Admin);
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/providers/RedHat.OpenShift/OpenShiftClusters?api-version=admin&subscriptionId={subscriptionId}");
        request.Headers.Add("x-ms-correlation-request-id", correlationId);
        using var listed = await admin.SendAsync(request);
        var clusters = (await listed.Content.ReadFromJsonAsync<JsonObject>())!["value"]!.AsArray();
        var document = await admin.GetFromJsonAsync<JsonObject>($"/admin{id}?api-version=admin");

        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        clusters.Select(c => c!["id"]!.GetValue<string>()).Should().Equal([id.ToString()]);
        clusters[0]!["provisioningState"]!.GetValue<string>().Should().Be("Succeeded");
        document!["document"]!["openShiftCluster"]!["properties"]!["servicePrincipalProfile"]!["clientSecret"]!.GetValue<string>().Should().Be("[redacted]");
        await fixture.Rp.WaitForOutputAsync($"by '{fixture.Admin.Subject}' ({fixture.Admin.Thumbprint}), correlation {correlationId}: 200", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ArmClient_CreateBeyondTheQuota_RefusedWith409ResourceQuotaExceeded()
    {
        await RegisterSubscriptionAsync();
        var client = fixture.CreateArmClient(subscriptionId, log);
        for (var i = 0; i < ProductionRpFixture.MaxClusters; i++)
        {
            await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Started, ClusterId("quota", $"c{i}"), Data($"c{i}"));
        }

        var beyond = () => client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Started, ClusterId("quota", "beyond"), Data("beyond"));
        var refused = (await beyond.Should().ThrowAsync<RequestFailedException>()).Which;

        refused.Status.Should().Be(409);
        refused.ErrorCode.Should().Be("ResourceQuotaExceeded");
        refused.Message.Should().Contain($"limit {ProductionRpFixture.MaxClusters}, in use {ProductionRpFixture.MaxClusters}, requested 1");

        using var admin = fixture.CreateHttpClient(fixture.Admin);
        using var raised = await admin.PutAsJsonAsync($"/admin/subscriptions/{subscriptionId}/quota?api-version=admin", new JsonObject { ["maxClusters"] = ProductionRpFixture.MaxClusters + 1 });
        raised.StatusCode.Should().Be(HttpStatusCode.OK);
        var created = await beyond();
        created.GetRawResponse().Status.Should().Be(201, "the operator's override raised the subscription's limit");
    }

    private GenericResourceData Data(string name) =>
        new(new AzureLocation(ClusterBody.Location)) { Properties = ClusterBody.Properties(subscriptionId, name, workerCount: 3) };

    /// <summary>ARM's subscription notification, with ARM's certificate: production serves registered subscriptions only.</summary>
    private async Task RegisterSubscriptionAsync()
    {
        using var arm = fixture.CreateHttpClient(fixture.Arm);
        using var response = await arm.PutAsJsonAsync($"/subscriptions/{subscriptionId}?api-version=2.0", new JsonObject { ["state"] = "Registered", ["properties"] = new JsonObject { ["tenantId"] = Guid.NewGuid().ToString() } });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    private ResourceIdentifier ClusterId(string resourceGroup, string name) =>
        new($"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/RedHat.OpenShift/OpenShiftClusters/{name}");
}
