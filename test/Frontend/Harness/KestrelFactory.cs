using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rp.Database;
using Xunit;
using Microsoft.AspNetCore.Http.Features;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// The frontend alone on Kestrel, on a free loopback port: what reaches the RP and what it answers
/// are real HTTP bytes, including what Kestrel refuses or cannot write (limits, header values).
/// </summary>
public sealed class KestrelFactory() : RpFactory(fullPipeline: false, new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:0", ["Frontend:HttpsPort"] = "0", ["Logging:LogLevel:Default"] = "Error" }), IAsyncLifetime
{
    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        UseKestrel();
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

        // The stores create their files on first use: a test comparing them before and after a request finds them made.
        await Services.GetRequiredService<ISubscriptions>().GetAsync(Guid.Empty.ToString());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client of the server's port that sends header values as UTF-8, as it is given them; through <paramref name="handler"/> when given.</summary>
    public ArmClient CreateKestrelClient(DelegatingHandler? handler = null)
    {
        var sockets = new SocketsHttpHandler
        {
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        if (handler is not null)
        {
            handler.InnerHandler = sockets;
        }

        return new(new HttpClient(handler ?? (HttpMessageHandler)sockets)
        {
            BaseAddress = BaseAddress,
            DefaultRequestVersion = HttpVersion.Version11,
        });
    }
}
