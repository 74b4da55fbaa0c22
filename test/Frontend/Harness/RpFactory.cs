using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rp.Frontend.Tests.Traffic;

namespace Rp.Frontend.Tests.Harness;

/// <summary>
/// The real RP (cmd/rp's <c>Program</c>) on a test server, with a data directory of its own and
/// short intervals. Frontend only: the forwarder, backend and subscription cascade are removed,
/// so documents stay in the state the frontend wrote. Full pipeline: everything runs in-process.
/// </summary>
public class RpFactory : WebApplicationFactory<Program>
{
    /// <summary>A realistic ARM host, so recorded traffic and async URLs look as they would behind ARM.</summary>
    public static readonly Uri ArmBaseAddress = new("https://management.azure.com/");

    /// <summary>The only request body size this suite configures (small, so 413 is cheap to provoke).</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    private static readonly string[] BackgroundServices =
    [
        "Rp.Queue.Forwarder.Forwarder",
        "Rp.Backend.Worker.BackendService",
        "Rp.Backend.Worker.SubscriptionCascade",
    ];

    private readonly bool fullPipeline;
    private readonly Dictionary<string, string> settings;
    private int disposed;

    protected RpFactory(bool fullPipeline, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        this.fullPipeline = fullPipeline;
        DataDir = Path.Combine(Path.GetTempPath(), "rp-functional", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
        settings = new Dictionary<string, string>
        {
            ["Rp:DataDir"] = DataDir,

            // In-process hosts share the machine's ports: none of them opens a management listener;
            // and no load balancer needs them to go on serving once they are told to stop.
            ["Management:Urls"] = "",
            ["Drain:Delay"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Frontend:RetryAfterSeconds"] = "1",
            ["Frontend:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forwarder:PollInterval"] = "00:00:00.020",
            ["Backend:PollInterval"] = "00:00:00.020",
            ["Backend:HeartbeatInterval"] = "00:00:00.100",
            ["Backend:LeaseDuration"] = "00:00:10",
            ["Backend:RetryBackoff"] = "00:00:00.200",
            ["Backend:CascadeInterval"] = "00:00:00.100",
            ["Installer:PhaseDuration"] = "00:00:00.010",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
    }

    public string DataDir { get; }

    /// <summary>A base64 256-bit key, as <c>Encryption:Keys:0</c> takes it.</summary>
    public static string NewEncryptionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A client on <see cref="ArmBaseAddress"/> that records its traffic when <c>RP_TRAFFIC_DIR</c> is set.</summary>
    public ArmClient CreateArmClient() => new(CreateDefaultClient(ArmBaseAddress, TrafficRecorder.FromEnvironment()));

    public T GetRequiredService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A setting that needs the data directory (a file in it, say): set it in the derived constructor.</summary>
    protected void AddSetting(string key, string value) => settings[key] = value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (fullPipeline)
            {
                return;
            }

            // By implementation type: the web host's own hosted services must stay.
            var background = services
                .Where(d => d.ServiceType == typeof(IHostedService) && BackgroundServices.Contains(d.ImplementationType?.FullName))
                .ToList();
            if (background.Count != BackgroundServices.Length)
            {
                throw new InvalidOperationException($"Expected {BackgroundServices.Length} background services, found {background.Count}: were they renamed?");
            }

            foreach (var descriptor in background)
            {
                services.Remove(descriptor);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held for a moment; the OS temp cleaner takes it.
            }
        }
    }
}
