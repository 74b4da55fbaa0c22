using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rp.Management.Tests;

/// <summary>A host wired as every rp process is (<c>AddRpManagement</c>), with its management listener on a free loopback port.</summary>
internal sealed class ManagementHost : IAsyncDisposable
{
    private ManagementHost(IHost host, string url)
    {
        Host = host;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public IHost Host { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    public static async Task<ManagementHost> StartAsync(bool servesArm, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Management:Urls"] = url,
        });
        builder.AddRpManagement("test", servesArm);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new ManagementHost(host, url);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.StopAsync();
        Host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
