using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Logging;

/// <summary>The whole pipeline in one process, every log line at Information and above captured.</summary>
public sealed class LoggingPipelineFactory() : RpFactory(fullPipeline: true, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" })
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}
