using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rp.Database;
using Rp.Frontend.Tests.Harness;

namespace Rp.Frontend.Tests.Logging;

/// <summary>The frontend over a cluster store that fails with an internal error carrying sensitive text.</summary>
public sealed class FailingStoreFactory() : RpFactory(fullPipeline: false, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" })
{
    public const string ExceptionText = "connection string AccountKey=c2Vuc2l0aXZl; at Rp.Internal.Secret()";

    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Log);
            services.AddSingleton<IOpenShiftClusters>(new FailingClusters(_ => Task.FromException(new InvalidOperationException(ExceptionText))));
        });
    }
}
