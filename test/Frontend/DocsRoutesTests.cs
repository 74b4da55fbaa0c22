using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Rp.Frontend.Tests;

/// <summary>The served API description: the committed specs and the Swagger UI page, through the real rp host.</summary>
public sealed class DocsRoutesTests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "rp-docs-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    public static TheoryData<string, string, string> Specs() => new()
    {
        { "preview", "2019-12-31-preview", "preview/2019-12-31-preview" },
        { "stable", "2020-04-30", "stable/2020-04-30" },
    };

    public Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Rp:DataDir", dataDir).UseSetting("Management:Urls", "").UseSetting("Drain:Delay", "00:00:00"));
        client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task GetSwaggerJson_ServedVersion_ReturnsTheCommittedSpecWithoutApiVersion(string name, string version, string directory)
    {
        using var response = await client.GetAsync($"/swagger/{version}/swagger.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK, name);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var served = await response.Content.ReadAsStringAsync();
        served.Should().Be(await File.ReadAllTextAsync(CommittedSpec(directory)), name);
        JObject.Parse(served)["info"]!["version"]!.Value<string>().Should().Be(version);
    }

    [Theory]
    [InlineData("example", "/swagger/2020-04-30/examples/OpenShiftClusters_Get.json", "operationId")]
    [InlineData("common types", "/common-types/resource-management/v6/types.json", "definitions")]
    public async Task GetReferencedFile_OfTheSpec_IsServedWhereTheSpecsRelativeReferenceLeads(string name, string path, string property)
    {
        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, name);
        JObject.Parse(await response.Content.ReadAsStringAsync()).ContainsKey(property).Should().BeTrue(name);
    }

    [Theory]
    [InlineData("unknown version", "/swagger/2000-01-01/swagger.json")]
    [InlineData("unknown example", "/swagger/2020-04-30/examples/Nope.json")]
    [InlineData("unknown docs file", "/docs/nope.js")]
    public async Task Get_UnknownDocument_Returns404CloudError(string name, string path)
    {
        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, name);
        JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!["code"]!.Value<string>().Should().Be("NotFound", name);
    }

    [Fact]
    public async Task GetDocs_Root_RedirectsToThePage()
    {
        using var response = await client.GetAsync("/docs");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.ToString().Should().EndWith("docs/index.html");
    }

    [Fact]
    public async Task GetDocs_Page_IsHtmlThatListsEveryVersionsSpec()
    {
        using var page = await client.GetAsync("/docs/index.html");
        using var script = await client.GetAsync("/docs/index.js");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        var configuration = await script.Content.ReadAsStringAsync();
        configuration.Should().Contain("\"url\":\"/swagger/2020-04-30/swagger.json\"").And.Contain("\"url\":\"/swagger/2019-12-31-preview/swagger.json\"");
    }

    private static string CommittedSpec(string directory)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Rp.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException($"No Rp.sln above {AppContext.BaseDirectory}.");
        }

        return Path.Combine(root.FullName, "swagger", "specification", "redhatopenshift", "resource-manager", "RedHat.OpenShift", directory, "redhatopenshift.json");
    }
}
