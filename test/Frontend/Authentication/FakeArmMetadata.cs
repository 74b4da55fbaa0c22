using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Rp.Frontend.Tests.Authentication;

/// <summary>
/// ARM's metadata endpoint (<c>/metadata/authentication?api-version=2015-01-01</c>) played by a
/// small Kestrel server on a free loopback port: it publishes the client certificates a test
/// chooses, in ARM's format, or answers what a test chooses instead. It counts the requests.
/// </summary>
public sealed class FakeArmMetadata : IAsyncDisposable
{
    public const string Path = "/metadata/authentication";

    /// <summary>Where <see cref="Redirect"/> points: it serves the published certificates.</summary>
    private const string Elsewhere = "/metadata/elsewhere";

    private readonly WebApplication app;
    private volatile string published = "{}";
    private volatile Answer? instead;
    private int requests;

    private FakeArmMetadata(WebApplication app) => this.app = app;

    /// <summary>The URL to configure as <c>ArmAuthentication:MetadataUrl</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>How many requests it has answered on <see cref="Path"/>.</summary>
    public int Requests => Volatile.Read(ref requests);

    public static async Task<FakeArmMetadata> StartAsync(params X509Certificate2[] published)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeArmMetadata(app);
        fake.Publish(published);
        app.MapGet(Path, fake.AnswerAsync);
        app.MapGet(Elsewhere, context => WriteAsync(context, new Answer(200, "application/json", fake.published, null)));
        await app.StartAsync();
        fake.Url = new Uri($"{app.Urls.First()}{Path}?api-version=2015-01-01");
        return fake;
    }

    /// <summary>From now on, publishes exactly these certificates.</summary>
    public void Publish(params X509Certificate2[] certificates)
    {
        published = new JObject
        {
            ["clientCertificates"] = new JArray(certificates.Select(c => new JObject
            {
                ["thumbprint"] = c.Thumbprint,
                ["notBefore"] = c.NotBefore.ToUniversalTime().ToString("O"),
                ["notAfter"] = c.NotAfter.ToUniversalTime().ToString("O"),
                ["certificate"] = Convert.ToBase64String(c.RawData),
            })),
        }.ToString();
        instead = null;
    }

    /// <summary>From now on, answers 200 with this body, whatever it is.</summary>
    public void Serve(string contentType, string body) => instead = new Answer(200, contentType, body, null);

    /// <summary>From now on, answers every request with <paramref name="status"/> and no body (an outage, say).</summary>
    public void Fail(HttpStatusCode status) => instead = new Answer((int)status, null, "", null);

    /// <summary>From now on, redirects to a path that publishes the certificates: a client must not follow.</summary>
    public void Redirect() => instead = new Answer(302, null, "", Elsewhere);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        return WriteAsync(context, instead ?? new Answer(200, "application/json; charset=utf-8", published, null));
    }

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.Location is not null)
        {
            context.Response.Headers.Location = answer.Location;
        }

        if (answer.ContentType is not null)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private sealed record Answer(int Status, string? ContentType, string Body, string? Location);
}
