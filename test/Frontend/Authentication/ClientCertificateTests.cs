using System.Net;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Rp.Frontend.Tests.Harness;
using Xunit;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>
/// Production mode over real TLS handshakes: ARM routes open only to a certificate ARM publishes,
/// the admin API only to an operator's certificate, and neither to the other's.
/// </summary>
public sealed class ClientCertificateTests(TlsRpFixture fixture) : IClassFixture<TlsRpFixture>
{
    private const string ArmRoute = "/providers/RedHat.OpenShift/operations?api-version=2020-04-30";
    private const string AdminRoute = "/admin/queue?api-version=admin";

    public static TheoryData<string, string, string, HttpStatusCode, string?> Calls => new()
    {
        { "ARM's certificate on an ARM route", "arm", ArmRoute, HttpStatusCode.OK, null },
        { "no certificate on an ARM route", "none", ArmRoute, HttpStatusCode.Unauthorized, "Unauthorized" },
        { "a stranger's certificate on an ARM route", "stranger", ArmRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "the admin certificate on an ARM route", "admin", ArmRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "the admin certificate on the admin API", "admin", AdminRoute, HttpStatusCode.OK, null },
        { "no certificate on the admin API", "none", AdminRoute, HttpStatusCode.Unauthorized, "Unauthorized" },
        { "ARM's certificate on the admin API", "arm", AdminRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "the admin CA's certificate for another name", "admin-other-name", AdminRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "the admin CA's certificate for servers only", "admin-server-usage", AdminRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "the admin CA's certificate with no usage named", "admin-no-usage", AdminRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "a self-signed certificate with the admin name", "admin-self-signed", AdminRoute, HttpStatusCode.Forbidden, "Forbidden" },
        { "ARM's certificate on an unknown path", "arm", "/nowhere", HttpStatusCode.NotFound, "NotFound" },
        { "no certificate on an unknown path", "none", "/nowhere", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "no certificate on an unknown admin path", "none", "/admin/nowhere", HttpStatusCode.Unauthorized, "Unauthorized" },
        { "the admin certificate on an unknown admin path", "admin", "/admin/nowhere", HttpStatusCode.NotFound, "NotFound" },
        { "no certificate on the API description", "none", "/swagger/2020-04-30/swagger.json", HttpStatusCode.OK, null },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Request_OverTls_OnlyTheRightCertificateOpensEachRoute(string name, string certificate, string path, HttpStatusCode status, string? code)
    {
        using var arm = new ArmClient(fixture.Rp.CreateTlsClient(Certificate(certificate)));

        var response = await arm.GetAsync(path);

        if (code is null)
        {
            response.ShouldHaveStatus(status, name);
        }
        else
        {
            response.ShouldBeCloudError(status, code, testCase: name);
        }
    }

    [Fact]
    public async Task Put_ArmCertificate_RegistersTheSubscriptionAndCreatesACluster()
    {
        using var arm = new ArmClient(fixture.Rp.CreateTlsClient(fixture.Arm));
        var cluster = ClusterRef.New();

        var registered = await arm.PutSubscriptionAsync(cluster.SubscriptionId, "Registered");
        var created = await arm.PutAsync(cluster.Url("2020-04-30"), ApiVersionCases.Of("2020-04-30").CreateBody());

        registered.ShouldHaveStatus(HttpStatusCode.Created);
        created.ShouldHaveStatus(HttpStatusCode.Created);
        created.Header("Azure-AsyncOperation").Should().StartWith(fixture.Rp.BaseAddress.ToString().TrimEnd('/'), "ARM is told to poll the RP where it called it");
    }

    [Fact]
    public async Task Put_StrangersCertificate_RefusedBeforeTheBodyIsReadAndLoggedWithSubjectAndThumbprint()
    {
        using var stranger = TestCertificates.SelfSigned("stranger.test");
        using var client = new ArmClient(fixture.Rp.CreateTlsClient(stranger));
        var cluster = ClusterRef.New();
        var marker = $"body-marker-{Guid.NewGuid():N}";

        var response = await client.PutAsync(cluster.Url("2020-04-30"), new JObject { ["location"] = "eastus", ["tags"] = new JObject { ["marker"] = marker } });

        response.ShouldBeCloudError(HttpStatusCode.Forbidden, "Forbidden");
        var refusal = fixture.Rp.Log.Lines.Where(l => l.Message.Contains(stranger.Thumbprint, StringComparison.Ordinal)).ToList();
        refusal.Should().ContainSingle().Which.Message.Should().Contain(stranger.Subject).And.Contain(cluster.Id);
        fixture.Rp.Log.Lines.Should().NotContain(l => l.All.Contains(marker, StringComparison.Ordinal), "a refused request's body is never logged");
    }

    [Fact]
    public async Task AdminRequest_AdminCertificate_AuditedWithSubjectThumbprintAndCorrelationId()
    {
        using var admin = fixture.Rp.NewAdminCertificate();
        using var client = new ArmClient(fixture.Rp.CreateTlsClient(admin));
        var correlationId = Guid.NewGuid().ToString();

        var response = await client.GetAsync(AdminRoute, ("x-ms-correlation-request-id", correlationId));

        response.ShouldHaveStatus(HttpStatusCode.OK);

        // Written once the answer is: it may arrive a moment after the response.
        var audit = await Eventually.UntilAsync(
            () => Task.FromResult(fixture.Rp.Log.Lines.Where(l => l.Category == "Rp.Audit" && l.Message.Contains(correlationId, StringComparison.Ordinal)).ToList()),
            lines => lines.Count > 0,
            "the audit line");
        audit.Should().ContainSingle().Which.Message.Should()
            .Contain(admin.Subject).And.Contain(admin.Thumbprint).And.Contain("GET /admin/queue").And.EndWith(": 200");
    }

    private X509Certificate2? Certificate(string kind) => kind switch
    {
        "arm" => fixture.Arm,
        "none" => null,
        "stranger" => TestCertificates.SelfSigned("stranger.test"),
        "admin" => fixture.Rp.NewAdminCertificate(),
        "admin-other-name" => TestCertificates.Issue(fixture.Rp.AdminAuthority, "someone-else.test", TestCertificates.ClientAuthentication),
        "admin-server-usage" => TestCertificates.Issue(fixture.Rp.AdminAuthority, TlsRpFactory.AdminCommonName, TestCertificates.ServerAuthentication),
        "admin-no-usage" => TestCertificates.Issue(fixture.Rp.AdminAuthority, TlsRpFactory.AdminCommonName),
        "admin-self-signed" => TestCertificates.SelfSigned(TlsRpFactory.AdminCommonName),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
